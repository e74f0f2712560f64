package ca.gigafibre.automation.billing;

/**
 * Published in the withdrawing transaction: a cancellation taken back before its end date. A listener that refuses (the
 * service is already being removed) rolls the withdrawal back.
 */
public record CancellationWithdrawn(long subscriptionId, String subscriptionNo, long customerId) {
}
