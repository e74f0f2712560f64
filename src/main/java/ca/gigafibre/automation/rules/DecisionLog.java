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
        record(new Entry(result.area(), customerId, subjectRef, result.outcome(), facts, result.rulesFired(), result.rulesetVersion(),
                result.explanationFr(), result.explanationEn(), processInstanceId, null));
    }

    /** Any decision: a rule set's, a DMN table's, or a person's ({@code decidedBy} = the user who completed the task). */
    public void record(Entry entry) {
        jdbc.sql("""
                INSERT INTO automation.decision_log (area, customer_id, subject_ref, outcome, facts, rules_fired,
                    ruleset_version, explanation_fr, explanation_en, process_instance_id, decided_by)
                VALUES (:area, :customerId, :subjectRef, :outcome, CAST(:facts AS jsonb), :rulesFired, :version, :fr, :en, :pid, :by)
                """)
                .param("area", entry.area())
                .param("customerId", entry.customerId())
                .param("subjectRef", entry.subjectRef())
                .param("outcome", entry.outcome())
                .param("facts", toJson(entry.facts()))
                .param("rulesFired", entry.rulesFired().toArray(String[]::new))
                .param("version", entry.version())
                .param("fr", entry.explanationFr())
                .param("en", entry.explanationEn())
                .param("pid", entry.processInstanceId())
                .param("by", entry.decidedBy())
                .update();
    }

    public List<LoggedDecision> forCustomer(long customerId, int limit) {
        return jdbc.sql("""
                SELECT decided_at, area, subject_ref, outcome, facts::text AS facts, rules_fired, ruleset_version,
                       explanation_fr, explanation_en, process_instance_id, decided_by
                FROM automation.decision_log WHERE customer_id = :id ORDER BY decided_at DESC, id DESC LIMIT :limit
                """)
                .param("id", customerId)
                .param("limit", limit)
                .query((rs, n) -> new LoggedDecision(rs.getObject("decided_at", OffsetDateTime.class), rs.getString("area"),
                        rs.getString("subject_ref"), rs.getString("outcome"), readJson(rs.getString("facts")),
                        List.of((String[]) rs.getArray("rules_fired").getArray()), rs.getString("ruleset_version"),
                        rs.getString("explanation_fr"), rs.getString("explanation_en"), rs.getString("process_instance_id"),
                        rs.getString("decided_by")))
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
                                 String explanationEn, String processInstanceId, String decidedBy) {
    }

    /** One decision to store; {@code decidedBy} is null unless a person decided. */
    public record Entry(String area, Long customerId, String subjectRef, String outcome, Object facts, List<String> rulesFired,
                        String version, String explanationFr, String explanationEn, String processInstanceId, String decidedBy) {
    }
}
