package ca.gigafibre.automation.collections;

import org.springframework.stereotype.Component;

/**
 * What BPMN reads of {@link CollectionsSettings}, under the bean name it always had:
 * {@code ${collectionsSettings.suspensionReviewAfter}} after the overdue reminder the suspension rules are asked;
 * {@code ${collectionsSettings.noticePeriod}} between the suspension notice and the next decision (ISO-8601 durations).
 */
@Component("collectionsSettings")
public class CollectionsTimers implements ca.gigafibre.automation.workflow.ExpressionBean {

    private final CollectionsSettings settings;

    public CollectionsTimers(CollectionsSettings settings) {
        this.settings = settings;
    }

    public int getNoticeDays() {
        return settings.suspensionNoticeDays();
    }

    public String getNoticePeriod() {
        return "P" + settings.suspensionNoticeDays() + "D";
    }

    public String getSuspensionReviewAfter() {
        return settings.suspensionReviewAfter().toString();
    }
}
