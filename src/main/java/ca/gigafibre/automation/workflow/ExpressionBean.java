package ca.gigafibre.automation.workflow;

/**
 * Marks a bean BPMN expressions may reach ({@code ${retryPolicy.cycle}}, {@code ${businessHours.nextNotificationDate()}}).
 * Delegates and listeners are reachable by their type; every other Spring bean is out of reach of a deployed BPMN.
 */
public interface ExpressionBean {
}
