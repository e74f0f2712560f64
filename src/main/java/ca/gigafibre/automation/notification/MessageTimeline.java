package ca.gigafibre.automation.notification;

import ca.gigafibre.automation.customer.CustomerRef;
import ca.gigafibre.automation.customer.TimelineEntry;
import ca.gigafibre.automation.customer.TimelineSource;
import ca.gigafibre.automation.platform.time.BusinessTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The timeline's messages: the customer's notification ledger (what, by which channel, to whom masked, and whether it
 * went out, was skipped or failed). The message text itself is not kept in the ledger.
 */
@Component
class MessageTimeline implements TimelineSource {

    private final JdbcClient jdbc;

    MessageTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<TimelineEntry> recent(CustomerRef customer, int limit) {
        return jdbc.sql("""
                SELECT coalesce(sent_at, requested_at) AS at, kind, channel, state, recipient_hint, delivery_status, natural_key
                FROM automation.notification WHERE customer_id = :id ORDER BY requested_at DESC, id DESC LIMIT :limit
                """).param("id", customer.id()).param("limit", limit)
                .query((rs, n) -> new TimelineEntry(BusinessTime.read(rs, "at"), "message", rs.getString("kind"),
                        rs.getString("kind") + " — " + rs.getString("channel") + (rs.getString("recipient_hint") == null ? ""
                                : " " + rs.getString("recipient_hint")) + " : " + rs.getString("state")
                                + (rs.getString("delivery_status") == null ? "" : " (" + rs.getString("delivery_status") + ")"),
                        "engine", rs.getString("natural_key")))
                .list();
    }
}
