package ca.gigafibre.automation.collections;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * BPMN: {@code ${collectionsSettings.suspensionReviewAfter}} after the overdue reminder the suspension rules are asked;
 * {@code ${collectionsSettings.noticePeriod}} between the suspension notice and the next decision.
 */
@Component("collectionsSettings")
public class CollectionsSettings implements ca.gigafibre.automation.workflow.ExpressionBean {

    private final String suspensionReviewAfter;
    private final int noticeDays;

    public CollectionsSettings(@Value("${automation.collections.suspension-review-after:P30D}") String suspensionReviewAfter,
                               @Value("${automation.collections.suspension-notice-days:5}") int noticeDays) {
        this.suspensionReviewAfter = suspensionReviewAfter;
        this.noticeDays = noticeDays;
    }

    public int getNoticeDays() {
        return noticeDays;
    }

    public String getNoticePeriod() {
        return "P" + noticeDays + "D";
    }

    public String getSuspensionReviewAfter() {
        return suspensionReviewAfter;
    }
}
