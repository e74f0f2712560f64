package ca.gigafibre.automation.customer;

import ca.gigafibre.automation.platform.time.BusinessTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The timeline's audit entries: what people and the engine did to the account (suspension asked, arrangement made ...). */
@Component
class AuditTimeline implements TimelineSource {

    private final JdbcClient jdbc;

    AuditTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<TimelineEntry> recent(CustomerRef customer, int limit) {
        return jdbc.sql("""
                SELECT occurred_at, action, actor, reason FROM automation.audit_log
                WHERE entity_type = 'customer' AND entity_ref = :no ORDER BY occurred_at DESC, id DESC LIMIT :limit
                """).param("no", customer.no().value()).param("limit", limit)
                .query((rs, n) -> new TimelineEntry(BusinessTime.read(rs, "occurred_at"), "audit", rs.getString("action"),
                        rs.getString("reason") == null ? rs.getString("action") : rs.getString("action") + " : " + rs.getString("reason"),
                        rs.getString("actor"), customer.no().value()))
                .list();
    }
}
