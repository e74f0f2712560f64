package ca.gigafibre.automation.assistant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The assistant's commands (table {@code assistant_command}). A proposal moves to {@code executing} by one conditional
 * UPDATE, so of two confirmations racing exactly one gets the row.
 */
@Repository
class AssistantCommands {

    record Row(UUID id, String actor, String status, String intent, Map<String, Object> parameters, String summaryFr, String summaryEn,
               List<String> calls, OffsetDateTime expiresAt, String result) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    AssistantCommands(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    UUID insert(String actor, String text, String locale, String customerNo, String intent, Map<String, Object> parameters, String status,
                String summaryFr, String summaryEn, List<String> calls, OffsetDateTime expiresAt) {
        return jdbc.sql("""
                INSERT INTO automation.assistant_command (actor, created_at, text, locale, customer_no, intent, parameters, status, summary_fr,
                    summary_en, calls, expires_at)
                VALUES (:actor, :now, :text, :locale, :customer, :intent, CAST(:parameters AS jsonb), :status, :fr, :en, :calls, :expires)
                RETURNING id
                """)
                .param("actor", actor).param("now", ca.gigafibre.automation.platform.time.BusinessTime.now()).param("text", text)
                .param("locale", locale).param("customer", customerNo).param("intent", intent).param("parameters", write(parameters))
                .param("status", status).param("fr", summaryFr).param("en", summaryEn).param("calls", calls.toArray(String[]::new))
                .param("expires", expiresAt)
                .query(UUID.class).single();
    }

    Optional<Row> find(UUID id) {
        return jdbc.sql("""
                SELECT id, actor, status, intent, parameters::text, summary_fr, summary_en, calls, expires_at, result::text
                FROM automation.assistant_command WHERE id = :id
                """).param("id", id)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), read(rs.getString(5)),
                        rs.getString(6), rs.getString(7), strings(rs.getArray(8)), rs.getObject(9, OffsetDateTime.class), rs.getString(10)))
                .optional();
    }

    /** proposed → executing, only while unexpired; false when another confirmation (or a cancel, or time) came first. */
    boolean claim(UUID id, String by, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE automation.assistant_command SET status = 'executing', decided_by = :by, decided_at = :now
                WHERE id = :id AND status = 'proposed' AND expires_at > :now
                """).param("id", id).param("by", by).param("now", now).update() == 1;
    }

    boolean cancel(UUID id, String by, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE automation.assistant_command SET status = 'cancelled', decided_by = :by, decided_at = :now
                WHERE id = :id AND status = 'proposed'
                """).param("id", id).param("by", by).param("now", now).update() == 1;
    }

    boolean expire(UUID id, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE automation.assistant_command SET status = 'expired' WHERE id = :id AND status = 'proposed' AND expires_at <= :now
                """).param("id", id).param("now", now).update() == 1;
    }

    void finish(UUID id, String status, Object result) {
        jdbc.sql("UPDATE automation.assistant_command SET status = :status, result = CAST(:result AS jsonb) WHERE id = :id AND status = 'executing'")
                .param("id", id).param("status", status).param("result", write(result)).update();
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Not serialisable as JSON", e);
        }
    }

    /** The value as the JSON the answer carries (maps, lists, text, numbers), without a round trip through text. */
    Object plain(Object value) {
        return json.convertValue(value, Object.class);
    }

    Object readValue(String text) {
        try {
            return text == null ? null : json.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> read(String text) {
        try {
            return json.readValue(text, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> strings(Array array) throws java.sql.SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
