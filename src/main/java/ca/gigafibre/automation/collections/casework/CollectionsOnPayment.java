package ca.gigafibre.automation.collections.casework;

import ca.gigafibre.automation.platform.db.FollowUpTransaction;
import ca.gigafibre.automation.billing.PaymentRecorded;
import ca.gigafibre.automation.billing.payment.PaymentService;
import ca.gigafibre.automation.collections.CollectionsCaseFacts;
import ca.gigafibre.automation.collections.reactivation.ReactivationStarter;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What a payment sets in motion, once it is committed (a rules or engine failure here never rolls a payment back; the
 * nightly sweep catches up on anything left undone): the processes of the invoices it paid hear {@code PaymentReceived};
 * the collections rules tell the account's case when nothing is overdue any more; a suspended account without a case
 * that clears is reactivated when {@code rules/reactivation.drl} says so.
 */
@Component
public class CollectionsOnPayment {

    private final RuntimeService runtime;
    private final CollectionsCaseFactsLoader caseFacts;
    private final CollectionsCaseDecisions caseDecisions;
    private final ReactivationStarter reactivation;
    private final FollowUpTransaction followUp;

    public CollectionsOnPayment(RuntimeService runtime, CollectionsCaseFactsLoader caseFacts, CollectionsCaseDecisions caseDecisions,
                                ReactivationStarter reactivation, FollowUpTransaction followUp) {
        this.runtime = runtime;
        this.caseFacts = caseFacts;
        this.caseDecisions = caseDecisions;
        this.reactivation = reactivation;
        this.followUp = followUp;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    public void onPayment(PaymentRecorded payment) {
        followUp.run("Payment " + payment.paymentId() + " of " + payment.customer().no(), "the nightly sweep", () -> follow(payment));
    }

    private void follow(PaymentRecorded payment) {
        for (String invoice : payment.invoicesPaid()) {
            runtime.createMessageCorrelation(PaymentService.PAYMENT_RECEIVED).processInstanceBusinessKey(invoice).correlateAllWithResult();
        }
        CollectionsCaseFacts account = caseFacts.one(payment.customer().id());
        if (account.isCaseOpen()) {
            caseDecisions.decideAndAct(List.of(account), payment.paymentId());
            if (account.getOverdueBalance().signum() <= 0) {
                return;   // the case closes itself and decides the reactivation
            }
        }
        if (account.isSuspended()) {
            reactivation.startIfDecided(payment.customer(), payment.paymentId(), "payment " + payment.paymentId(),
                    ReactivationStarter.Logged.EVERY_DECISION);
        }
    }
}
