package ca.gigafibre.automation.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores every rule decision with its facts snapshot, so anyone can later see why the engine acted. */
@Repository
public class DecisionLog {

    private final JdbcClient jdbc;
    private final ObjectMapper objectMapper;

    public DecisionLog(JdbcClient jdbc, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    public void record(Long customerId, String subjectRef, Object facts, DecisionResult result, String processInstanceId) {
        jdbc.sql("""
                INSERT INTO automation.decision_log (area, customer_id, subject_ref, outcome, facts, rules_fired,
                    ruleset_version, explanation_fr, explanation_en, process_instance_id)
                VALUES (:area, :customerId, :subjectRef, :outcome, CAST(:facts AS jsonb), :rulesFired, :version, :fr, :en, :pid)
                """)
                .param("area", result.area())
                .param("customerId", customerId)
                .param("subjectRef", subjectRef)
                .param("outcome", result.outcome())
                .param("facts", toJson(facts))
                .param("rulesFired", result.rulesFired().toArray(String[]::new))
                .param("version", result.rulesetVersion())
                .param("fr", result.explanationFr())
                .param("en", result.explanationEn())
                .param("pid", processInstanceId)
                .update();
    }

    public List<LoggedDecision> forCustomer(long customerId, int limit) {
        return jdbc.sql("""
                SELECT decided_at, area, subject_ref, outcome, facts::text AS facts, rules_fired, ruleset_version,
                       explanation_fr, explanation_en, process_instance_id
                FROM automation.decision_log WHERE customer_id = :id ORDER BY decided_at DESC, id DESC LIMIT :limit
                """)
                .param("id", customerId)
                .param("limit", limit)
                .query((rs, n) -> new LoggedDecision(rs.getObject("decided_at", OffsetDateTime.class), rs.getString("area"),
                        rs.getString("subject_ref"), rs.getString("outcome"), readJson(rs.getString("facts")),
                        List.of((String[]) rs.getArray("rules_fired").getArray()), rs.getString("ruleset_version"),
                        rs.getString("explanation_fr"), rs.getString("explanation_en"), rs.getString("process_instance_id")))
                .list();
    }

    private String toJson(Object facts) {
        try {
            return objectMapper.writeValueAsString(facts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Facts cannot be written as JSON", e);
        }
    }

    private Object readJson(String json) {
        try {
            return objectMapper.readTree(json);
        } catch (JsonProcessingException e) {
            return json;
        }
    }

    public record LoggedDecision(OffsetDateTime decidedAt, String area, String subjectRef, String outcome, Object facts,
                                 List<String> rulesFired, String rulesetVersion, String explanationFr,
                                 String explanationEn, String processInstanceId) {
    }
}
