package ca.gigafibre.automation.billing.reversal;

import ca.gigafibre.automation.platform.db.FollowUpTransaction;
import ca.gigafibre.automation.billing.PaymentRecorded;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A refund or dispute that arrived before its payment was booked is applied once the payment is committed. Should this
 * fail, the charge reconciler applies it at its next run ({@link PaymentReversals#waitingWithPayment()}).
 */
@Component
public class WaitingReversalsOnPayment {

    private final JdbcClient jdbc;
    private final PaymentReversals reversals;
    private final ReversalFollowUp followUp;
    private final FollowUpTransaction afterCommit;

    public WaitingReversalsOnPayment(JdbcClient jdbc, PaymentReversals reversals, ReversalFollowUp followUp, FollowUpTransaction afterCommit) {
        this.jdbc = jdbc;
        this.reversals = reversals;
        this.followUp = followUp;
        this.afterCommit = afterCommit;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    public void onPayment(PaymentRecorded payment) {
        afterCommit.run("Payment " + payment.paymentId() + " (the reversals that waited for it)", "the charge reconciler", () -> jdbc.sql("""
                SELECT DISTINCT r.processor_ref FROM automation.payment p JOIN automation.payment_reversal r ON r.processor_ref = p.reference
                WHERE p.payment_no = :no AND r.applied_at IS NULL
                """).param("no", payment.paymentId()).query(String.class).list()
                .forEach(ref -> followUp.follow(reversals.applyWaiting(ref), "reversal waiting for payment " + payment.paymentId())));
    }
}
