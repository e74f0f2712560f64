package ca.gigafibre.automation.billing;

import ca.gigafibre.automation.platform.audit.AuditLog;
import ca.gigafibre.automation.platform.time.BusinessTime;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A payment the processor took back (refund, dispute): its allocations are undone, the invoices it paid are open
 * again (the account's collections follow them like any unpaid invoice), and the payment is marked reversed. Once only.
 */
@Service
public class PaymentReversals {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    public PaymentReversals(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** @return the invoices opened again */
    @Transactional
    public List<String> reverse(String processorReference, String reason) {
        List<Long> payments = jdbc.sql("""
                UPDATE automation.payment SET reversed_at = :now, reversal_reason = :reason
                WHERE reference = :ref AND reversed_at IS NULL RETURNING id
                """).param("now", BusinessTime.now()).param("reason", reason).param("ref", processorReference).query(Long.class).list();
        if (payments.isEmpty()) {
            return List.of();
        }
        record Undone(long invoiceId, String invoiceNo, BigDecimal amount) {
        }
        List<Undone> undone = jdbc.sql("""
                DELETE FROM automation.payment_allocation a USING automation.invoice i
                WHERE a.invoice_id = i.id AND a.payment_id IN (:payments) RETURNING a.invoice_id, i.invoice_no, a.amount
                """).param("payments", payments).query((rs, n) -> new Undone(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3))).list();
        for (Undone u : undone) {
            jdbc.sql("""
                    UPDATE automation.invoice SET amount_paid = amount_paid - :amount, status = CASE WHEN status = 'paid' THEN 'open' ELSE status END
                    WHERE id = :id
                    """).param("amount", u.amount()).param("id", u.invoiceId()).update();
        }
        List<String> invoices = undone.stream().map(Undone::invoiceNo).distinct().toList();
        audit.record("payment.reversed", "payment", processorReference, reason, Map.of("invoicesReopened", invoices));
        return invoices;
    }
}
