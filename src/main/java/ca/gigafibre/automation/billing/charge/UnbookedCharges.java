package ca.gigafibre.automation.billing.charge;

import ca.gigafibre.automation.platform.time.BusinessTime;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The charge-ledger rows the charge reconciler looks at, and its claims on them. A claim is a state transition with a
 * WHERE clause ({@code reconciled_at} older than the quiet period): of two nodes running the reconciler at once, one
 * gets each row.
 */
@Component
public class UnbookedCharges {

    private static final int PAGE = 200;

    private final JdbcClient jdbc;

    public UnbookedCharges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A ledger row with what the reconciler needs about its invoice and account. */
    public record Row(long id, String idempotencyKey, String state, String method, BigDecimal amount, String processorRef,
                      String invoiceNo, long customerId, String customerNo) {
    }

    /**
     * Rows nobody may be handling: not touched for the quiet period and left without an answer (requested, unknown),
     * submitted and not settled (pending), or answered "charged" with no payment booked under their key.
     */
    public List<Row> unfinished(OffsetDateTime quietSince, OffsetDateTime windowStart) {
        return rows("""
                (a.state IN ('requested', 'unknown', 'pending')
                 OR (a.state = 'succeeded' AND a.updated_at >= :window
                     AND NOT EXISTS (SELECT 1 FROM automation.payment p WHERE p.idempotency_key = a.idempotency_key)))
                AND a.updated_at <= :quiet AND (a.reconciled_at IS NULL OR a.reconciled_at <= :quiet)
                """, quietSince, windowStart);
    }

    /**
     * Paysafe payments booked within the window that the processor may still take back (PAD returns, card chargebacks):
     * asked about once per {@code askedBefore}.
     */
    public List<Row> returnable(OffsetDateTime askedBefore, OffsetDateTime windowStart) {
        return rows("""
                ((a.method = 'bank' AND a.state = 'settled') OR (a.method = 'paysafe' AND a.state = 'succeeded'))
                AND a.updated_at >= :window AND (a.reconciled_at IS NULL OR a.reconciled_at <= :quiet)
                AND EXISTS (SELECT 1 FROM automation.payment p WHERE p.idempotency_key = a.idempotency_key AND p.reversed_at IS NULL)
                """, askedBefore, windowStart);
    }

    /** This node takes the row until the next quiet period; false when another node took it first. */
    public boolean claim(long id, OffsetDateTime quietSince) {
        return jdbc.sql("""
                UPDATE automation.charge_attempt SET reconciled_at = :now
                WHERE id = :id AND (reconciled_at IS NULL OR reconciled_at <= :quiet)
                """).param("now", BusinessTime.now()).param("id", id).param("quiet", quietSince).update() == 1;
    }

    /** The processor has no charge under the key: nothing was charged, the attempt is over. */
    public boolean close(long id, String seenState, String reason) {
        return jdbc.sql("""
                UPDATE automation.charge_attempt SET state = 'closed', decline_reason = :reason, updated_at = :now
                WHERE id = :id AND state = :seen
                """).param("reason", reason).param("now", BusinessTime.now()).param("id", id).param("seen", seenState).update() == 1;
    }

    /** A booked payment the processor took back after settling it; false when it was already marked returned. */
    public boolean returned(long id, String reason) {
        return jdbc.sql("""
                UPDATE automation.charge_attempt SET state = 'returned', return_reason = :reason, updated_at = :now
                WHERE id = :id AND state IN ('settled', 'succeeded')
                """).param("reason", reason).param("now", BusinessTime.now()).param("id", id).update() == 1;
    }

    /** The charge became account credit: the customer is owed a notice (sent in the notification window). */
    public void owesCreditNotice(long id) {
        jdbc.sql("UPDATE automation.charge_attempt SET credit_notice_due = true WHERE id = :id").param("id", id).update();
    }

    /** What the payment booked under this key left unallocated (credit on the account). */
    public BigDecimal creditLeftBy(String idempotencyKey) {
        return jdbc.sql("""
                SELECT p.amount - p.reversed_amount - coalesce((SELECT sum(a.amount) FROM automation.payment_allocation a WHERE a.payment_id = p.id), 0)
                FROM automation.payment p WHERE p.idempotency_key = :key
                """).param("key", idempotencyKey).query(BigDecimal.class).optional().orElse(BigDecimal.ZERO);
    }

    public List<Row> creditNoticesDue() {
        return rows("a.credit_notice_due", null, null);
    }

    public void creditNoticeSent(long id) {
        jdbc.sql("UPDATE automation.charge_attempt SET credit_notice_due = false WHERE id = :id").param("id", id).update();
    }

    private List<Row> rows(String where, OffsetDateTime quietSince, OffsetDateTime windowStart) {
        var query = jdbc.sql("""
                SELECT a.id, a.idempotency_key, a.state, a.method, a.amount, a.processor_ref, i.invoice_no, c.id, c.customer_no
                FROM automation.charge_attempt a JOIN automation.invoice i ON i.id = a.invoice_id JOIN automation.customer c ON c.id = i.customer_id
                WHERE %s ORDER BY a.id LIMIT %d
                """.formatted(where, PAGE));
        if (quietSince != null) {
            query = query.param("quiet", quietSince).param("window", windowStart);
        }
        return query.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5),
                rs.getString(6), rs.getString(7), rs.getLong(8), rs.getString(9))).list();
    }
}
