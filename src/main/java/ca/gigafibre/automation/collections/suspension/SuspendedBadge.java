package ca.gigafibre.automation.collections.suspension;

import ca.gigafibre.automation.customer.Customer360Badge;
import ca.gigafibre.automation.platform.time.BusinessTime;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Customer 360's "suspended" badge: the suspension in force — since when, why, who asked and who approved it (null
 * when the rules alone decided, e.g. the collections sweep).
 */
@Component
class SuspendedBadge implements Customer360Badge {

    private final JdbcClient jdbc;

    SuspendedBadge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Suspended(OffsetDateTime since, String reason, String note, String requestedBy, String approvedBy, LocalDate effectiveDate) {
    }

    @Override
    public String key() {
        return "suspended";
    }

    @Override
    public Object badge(long customerId) {
        return jdbc.sql("""
                SELECT started_at, reason, note, requested_by, decided_by, effective_date FROM automation.suspension
                WHERE customer_id = :id AND started_at IS NOT NULL AND ended_at IS NULL
                """).param("id", customerId)
                .query((rs, n) -> new Suspended(BusinessTime.read(rs, "started_at"), rs.getString("reason"), rs.getString("note"),
                        rs.getString("requested_by"), rs.getString("decided_by"), rs.getObject("effective_date", LocalDate.class)))
                .optional().orElse(null);
    }
}
