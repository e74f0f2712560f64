package ca.gigafibre.automation.customer;

/**
 * A badge of Customer 360's header contributed by a capability (collections: suspended, arrangement; billing: auto-pay),
 * so the customer package depends on none of them.
 */
public interface Customer360Badge {

    /** The key under {@code badges} in the customer view. */
    String key();

    /** @return what the badge shows, or null when the customer has no such badge (the key is then absent) */
    Object badge(long customerId);
}
