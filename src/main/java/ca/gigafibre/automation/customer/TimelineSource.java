package ca.gigafibre.automation.customer;

import java.util.List;

/** A capability's contribution to a customer's activity timeline (collections: decisions; notification: messages sent). */
public interface TimelineSource {

    /** The newest {@code limit} entries of this source, newest first. */
    List<TimelineEntry> recent(CustomerRef customer, int limit);
}
