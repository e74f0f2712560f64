package ca.gigafibre.automation.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Repository;

/** Who did what, when and why. The actor is the logged-in user, or "engine" for processes and jobs. */
@Repository
public class AuditLog {

    private final JdbcClient jdbc;
    private final ObjectMapper objectMapper;

    public AuditLog(JdbcClient jdbc, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    public void record(String action, String entityType, String entityRef, String reason, Map<String, ?> details) {
        recordAs(currentActor(), action, entityType, entityRef, reason, details);
    }

    /** For a job acting on a person's decision: the person who decided, not "engine". */
    public void recordAs(String actor, String action, String entityType, String entityRef, String reason, Map<String, ?> details) {
        jdbc.sql("""
                INSERT INTO automation.audit_log (actor, action, entity_type, entity_ref, reason, details)
                VALUES (:actor, :action, :type, :ref, :reason, CAST(:details AS jsonb))
                """)
                .param("actor", actor)
                .param("action", action)
                .param("type", entityType)
                .param("ref", entityRef)
                .param("reason", reason)
                .param("details", toJson(details))
                .update();
    }

    public static String currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth.getName() == null ? "engine" : auth.getName();
    }

    private String toJson(Map<String, ?> details) {
        try {
            return details == null ? null : objectMapper.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Audit details are not JSON-serialisable", e);
        }
    }
}
