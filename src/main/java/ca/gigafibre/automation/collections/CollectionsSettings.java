package ca.gigafibre.automation.collections;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** BPMN: {@code ${collectionsSettings.suspensionReviewAfter}} after the overdue reminder, the suspension rules are asked. */
@Component("collectionsSettings")
public class CollectionsSettings {

    private final String suspensionReviewAfter;

    public CollectionsSettings(@Value("${automation.collections.suspension-review-after:P30D}") String suspensionReviewAfter) {
        this.suspensionReviewAfter = suspensionReviewAfter;
    }

    public String getSuspensionReviewAfter() {
        return suspensionReviewAfter;
    }
}
