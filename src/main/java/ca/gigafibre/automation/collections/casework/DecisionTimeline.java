package ca.gigafibre.automation.collections.casework;

import ca.gigafibre.automation.customer.CustomerRef;
import ca.gigafibre.automation.customer.TimelineEntry;
import ca.gigafibre.automation.customer.TimelineSource;
import ca.gigafibre.automation.platform.time.BusinessTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The timeline's decisions: the why-records of the rules about the account (as {@code GET /api/customers/{id}/decisions}). */
@Component
class DecisionTimeline implements TimelineSource {

    private final JdbcClient jdbc;

    DecisionTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<TimelineEntry> recent(CustomerRef customer, int limit) {
        return jdbc.sql("""
                SELECT decided_at, area, outcome, explanation_fr, explanation_en, decided_by, subject_ref FROM automation.decision_log
                WHERE customer_id = :id ORDER BY decided_at DESC, id DESC LIMIT :limit
                """).param("id", customer.id()).param("limit", limit)
                .query((rs, n) -> new TimelineEntry(BusinessTime.read(rs, "decided_at"), "decision",
                        rs.getString("area") + "." + rs.getString("outcome"),
                        rs.getString("explanation_fr") + " / " + rs.getString("explanation_en"),
                        rs.getString("decided_by") == null ? "rules" : rs.getString("decided_by"), rs.getString("subject_ref")))
                .list();
    }
}
