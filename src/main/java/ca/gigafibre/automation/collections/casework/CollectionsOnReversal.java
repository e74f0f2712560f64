package ca.gigafibre.automation.collections.casework;

import ca.gigafibre.automation.platform.db.FollowUpTransaction;
import ca.gigafibre.automation.billing.PaymentReversed;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A payment taken back reopened invoices: once the reversal committed, the collections rules look at each account again,
 * each in a transaction of its own (a rules or engine failure never undoes a reversal, nor one account another's; the
 * nightly sweep catches up on anything left undone).
 */
@Component
public class CollectionsOnReversal {

    private final CollectionsCaseFactsLoader caseFacts;
    private final CollectionsCaseDecisions caseDecisions;
    private final FollowUpTransaction followUp;

    public CollectionsOnReversal(CollectionsCaseFactsLoader caseFacts, CollectionsCaseDecisions caseDecisions, FollowUpTransaction followUp) {
        this.caseFacts = caseFacts;
        this.caseDecisions = caseDecisions;
        this.followUp = followUp;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    public void onReversal(PaymentReversed reversed) {
        for (long customer : reversed.customerIds()) {
            followUp.run("Reversal (" + reversed.why() + ") of customer #" + customer, "the nightly sweep",
                    () -> caseDecisions.decideAndAct(List.of(caseFacts.one(customer)), reversed.why()));
        }
    }
}
