package ca.gigafibre.automation.billing;

import java.time.LocalDate;

/**
 * Published in the cancelling transaction: what the service's other side (its deactivation on the end date) starts from.
 * A listener that fails rolls the cancellation back, so a cancellation never stands without its deactivation.
 */
public record SubscriptionCancelled(long subscriptionId, String subscriptionNo, long customerId, LocalDate endDate) {
}
