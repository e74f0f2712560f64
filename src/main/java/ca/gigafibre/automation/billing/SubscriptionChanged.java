package ca.gigafibre.automation.billing;

/**
 * A subscription the engine created, or whose status (and end date) it changed, published in the changing transaction.
 * Named by its number, or by its row id where only that is at hand.
 */
public record SubscriptionChanged(String subscriptionNo, Long subscriptionId, Change change) {

    public enum Change { CREATED, STATUS }

    public static SubscriptionChanged created(String subscriptionNo) {
        return new SubscriptionChanged(subscriptionNo, null, Change.CREATED);
    }

    public static SubscriptionChanged created(long subscriptionId) {
        return new SubscriptionChanged(null, subscriptionId, Change.CREATED);
    }

    public static SubscriptionChanged status(String subscriptionNo) {
        return new SubscriptionChanged(subscriptionNo, null, Change.STATUS);
    }
}
