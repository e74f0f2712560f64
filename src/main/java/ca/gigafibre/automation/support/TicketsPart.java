package ca.gigafibre.automation.support;

import ca.gigafibre.automation.customer.Customer360Part;
import ca.gigafibre.automation.customer.Customer360Settings;
import ca.gigafibre.automation.platform.time.BusinessTime;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Customer 360's "tickets": the latest tickets (open ones first), with their location, status and priority. */
@Component
class TicketsPart implements Customer360Part {

    private final JdbcClient jdbc;
    private final int recent;

    TicketsPart(JdbcClient jdbc, Customer360Settings customer360) {
        this.jdbc = jdbc;
        this.recent = customer360.recentItems();
    }

    record TicketLine(String id, String locationId, String subject, String issueType, String priority, String status,
                      OffsetDateTime openedAt, OffsetDateTime closedAt) {
    }

    @Override
    public String key() {
        return "tickets";
    }

    @Override
    public Object describe(long customerId) {
        return jdbc.sql("""
                SELECT t.ticket_no, l.location_no, t.subject, t.issue_type, t.priority, t.status, t.opened_at, t.closed_at
                FROM automation.ticket t LEFT JOIN automation.service_location l ON l.id = t.location_id
                WHERE t.customer_id = :id ORDER BY t.opened_at DESC, t.id DESC LIMIT :limit
                """).param("id", customerId).param("limit", recent)
                .query((rs, n) -> new TicketLine(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), BusinessTime.read(rs, "opened_at"), BusinessTime.read(rs, "closed_at")))
                .list();
    }
}
