package ca.gigafibre.automation.erpnext.ledger;

import ca.gigafibre.automation.billing.reversal.PaymentReversals;
import ca.gigafibre.automation.billing.reversal.ReversalFollowUp;
import java.math.BigDecimal;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A Payment Entry the engine recorded from ERPNext and that was then cancelled there (docstatus 2): the money never
 * came, so the payment is reversed whole through the one reversal path ({@link PaymentReversals}, kind
 * {@code cancelled}) — its invoices open again, collections look at the account once that committed. Once per Payment
 * Entry: the reversal's event id {@code erpnext-cancelled:<name>} is unique. Not posted back: the payment came from
 * ERPNext ({@code erpnext.outbox.ErpOutbox} skips reversals of such payments).
 */
@Component
class CancelledErpPayments {

    static final String KIND = "cancelled";

    private final PaymentReversals reversals;
    private final ReversalFollowUp followUp;
    private final JdbcClient jdbc;

    CancelledErpPayments(PaymentReversals reversals, ReversalFollowUp followUp, JdbcClient jdbc) {
        this.reversals = reversals;
        this.followUp = followUp;
        this.jdbc = jdbc;
    }

    /** @return whether this call reversed the payment (false: the engine never recorded it, or reversed it already) */
    boolean reverse(String erpName) {
        record Recorded(String reference, BigDecimal amount) {
        }
        Optional<Recorded> payment = jdbc.sql("SELECT reference, amount FROM automation.payment WHERE erp_name = :name")
                .param("name", erpName).query((rs, n) -> new Recorded(rs.getString(1), rs.getBigDecimal(2))).optional();
        String eventId = "erpnext-cancelled:" + erpName;
        if (payment.isEmpty() || reversedAlready(eventId)) {
            return false;
        }
        String why = "Payment Entry " + erpName + " annulée dans ERPNext / cancelled in ERPNext";
        PaymentReversals.Applied applied = reversals.record(eventId, payment.get().reference(), KIND, erpName, payment.get().amount(), why);
        followUp.follow(applied, why);   // collections hear it once this commits
        return true;
    }

    private boolean reversedAlready(String eventId) {
        return jdbc.sql("SELECT exists(SELECT 1 FROM automation.payment_reversal WHERE event_id = :id)").param("id", eventId)
                .query(Boolean.class).single();
    }
}
