package ca.gigafibre.automation.customer;

import java.util.Map;

/** What a capability shows under each of the customer's locations in Customer 360 (provisioning: equipment). */
public interface Customer360LocationPart {

    /** The key under each location's {@code related}. */
    String key();

    /** @return by location id ({@code LOC-…}), for all the customer's locations in one query; a location left out gets an empty list */
    Map<String, ?> byLocation(long customerId);
}
