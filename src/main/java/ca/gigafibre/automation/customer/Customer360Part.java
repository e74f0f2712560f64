package ca.gigafibre.automation.customer;

/**
 * A capability's contribution to Customer 360 (billing adds subscriptions and balance, collections adds
 * arrangements and suspension ...), so the customer package depends on none of them.
 */
public interface Customer360Part {

    /** The key under {@code related} in the customer view. */
    String key();

    Object describe(long customerId);
}
