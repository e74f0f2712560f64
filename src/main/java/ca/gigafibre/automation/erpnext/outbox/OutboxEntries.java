package ca.gigafibre.automation.erpnext.outbox;

import ca.gigafibre.automation.platform.time.BusinessTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The outbox table: each customer's queue, and an entry's outcome (sent, tried again later, failed, retried by a person). */
@Component
public class OutboxEntries {

    private static final String COLUMNS = """
            id, doctype, action, engine_id, customer_no, status, attempts, next_attempt_at, last_error, erp_name, created_at, sent_at
            """;

    private final JdbcClient jdbc;

    public OutboxEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Customers whose queue can move now: its first entry not sent is pending and due. A customer whose first such entry
     * failed waits for a person (order: nothing of theirs goes before it); other customers do not.
     */
    public List<String> customersReady(int limit) {
        return jdbc.sql("""
                SELECT customer_no FROM (
                    SELECT DISTINCT ON (customer_no) customer_no, id, status, next_attempt_at FROM automation.erp_outbox
                    WHERE status <> 'sent' ORDER BY customer_no, id) head
                WHERE status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= :now) ORDER BY id LIMIT :limit
                """).param("now", BusinessTime.now()).param("limit", limit).query(String.class).list();
    }

    /** The customer's first entry not sent yet, if it is pending and due. */
    public Optional<OutboxEntry> nextDue(String customerNo) {
        return jdbc.sql("SELECT " + COLUMNS + """
                FROM automation.erp_outbox WHERE customer_no = :customer AND status <> 'sent' ORDER BY id LIMIT 1
                """).param("customer", customerNo).query(OutboxEntries::entry).optional()
                .filter(e -> "pending".equals(e.status()) && (e.nextAttemptAt() == null || !e.nextAttemptAt().isAfter(BusinessTime.now())));
    }

    public Optional<OutboxEntry> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM automation.erp_outbox WHERE id = :id").param("id", id)
                .query(OutboxEntries::entry).optional();
    }

    /** The create entry of a document, if the engine queued one. */
    public Optional<OutboxEntry> createOf(String doctype, String engineId) {
        return jdbc.sql("SELECT " + COLUMNS + """
                FROM automation.erp_outbox WHERE doctype = :doctype AND engine_id = :id AND action = 'create'
                """).param("doctype", doctype).param("id", engineId).query(OutboxEntries::entry).optional();
    }

    /** Queues the creation of a document a posted one links to (the customer of an invoice), unless it is queued already. */
    @Transactional
    public OutboxEntry ensureCreate(String doctype, String engineId, String customerNo) {
        jdbc.sql("""
                INSERT INTO automation.erp_outbox (doctype, engine_id, customer_no) VALUES (:doctype, :id, :customer) ON CONFLICT DO NOTHING
                """).param("doctype", doctype).param("id", engineId).param("customer", customerNo).update();
        return createOf(doctype, engineId).orElseThrow();
    }

    public List<OutboxEntry> list(String status, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                FROM automation.erp_outbox WHERE CAST(:status AS text) IS NULL OR status = :status ORDER BY id LIMIT :limit
                """).param("status", status).param("limit", limit).query(OutboxEntries::entry).list();
    }

    @Transactional
    public void sent(long id, String erpName) {
        jdbc.sql("""
                UPDATE automation.erp_outbox SET status = 'sent', erp_name = :name, attempts = attempts + 1, sent_at = :now, last_error = NULL
                WHERE id = :id
                """).param("name", erpName).param("now", BusinessTime.now()).param("id", id).update();
    }

    /**
     * The updates of the same document queued after {@code entry} and committed by now: an update posts the row as it is
     * when relayed, so the one about to be read carries their changes too ({@link #carried}). Asked before the row is read:
     * a change that commits later is not among them and is posted by its own entry.
     */
    public List<Long> laterUpdatesOf(OutboxEntry entry) {
        return jdbc.sql("""
                SELECT id FROM automation.erp_outbox
                WHERE doctype = :doctype AND engine_id = :id AND action = 'update' AND status = 'pending' AND id > :entry ORDER BY id
                """).param("doctype", entry.doctype()).param("id", entry.engineId()).param("entry", entry.id()).query(Long.class).list();
    }

    /** Later updates whose changes an update just posted carried: sent with it, under the same ERPNext name. */
    @Transactional
    public void carried(List<Long> ids, String erpName) {
        if (!ids.isEmpty()) {
            jdbc.sql("""
                    UPDATE automation.erp_outbox SET status = 'sent', erp_name = :name, sent_at = :now WHERE id IN (:ids) AND status = 'pending'
                    """).param("name", erpName).param("now", BusinessTime.now()).param("ids", ids).update();
        }
    }

    /** Another attempt at {@code next}. */
    @Transactional
    public void later(long id, String error, OffsetDateTime next) {
        jdbc.sql("UPDATE automation.erp_outbox SET attempts = attempts + 1, last_error = :error, next_attempt_at = :next WHERE id = :id")
                .param("error", error).param("next", next).param("id", id).update();
    }

    /** @return whether this call failed it (it was pending) */
    @Transactional
    public boolean failed(long id, String error) {
        return jdbc.sql("""
                UPDATE automation.erp_outbox SET status = 'failed', attempts = attempts + 1, last_error = :error
                WHERE id = :id AND status = 'pending'
                """).param("error", error).param("id", id).update() == 1;
    }

    /** A failed entry pending again, due now, with a fresh retry cycle. @return whether it was failed */
    @Transactional
    public boolean retry(long id) {
        return jdbc.sql("""
                UPDATE automation.erp_outbox SET status = 'pending', attempts = 0, next_attempt_at = NULL WHERE id = :id AND status = 'failed'
                """).param("id", id).update() == 1;
    }

    private static OutboxEntry entry(ResultSet rs, int n) throws SQLException {
        return new OutboxEntry(rs.getLong("id"), rs.getString("doctype"), rs.getString("action"), rs.getString("engine_id"),
                rs.getString("customer_no"), rs.getString("status"), rs.getInt("attempts"), BusinessTime.read(rs, "next_attempt_at"),
                rs.getString("last_error"), rs.getString("erp_name"), BusinessTime.read(rs, "created_at"), BusinessTime.read(rs, "sent_at"));
    }
}
