package ca.gigafibre.automation.collections.casework;

import ca.gigafibre.automation.billing.PaymentReversed;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A payment taken back reopened invoices: once the reversal committed, the collections rules look at each account again,
 * each in a transaction of its own (a rules or engine failure never undoes a reversal, nor one account another's; the
 * nightly sweep catches up on anything left undone).
 */
@Component
public class CollectionsOnReversal {

    private static final Logger log = LoggerFactory.getLogger(CollectionsOnReversal.class);

    private final CollectionsCaseFactsLoader caseFacts;
    private final CollectionsCaseDecisions caseDecisions;
    private final TransactionTemplate ownTransaction;

    public CollectionsOnReversal(CollectionsCaseFactsLoader caseFacts, CollectionsCaseDecisions caseDecisions, PlatformTransactionManager transactions) {
        this.caseFacts = caseFacts;
        this.caseDecisions = caseDecisions;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    public void onReversal(PaymentReversed reversed) {
        for (long customer : reversed.customerIds()) {
            try {
                ownTransaction.executeWithoutResult(tx -> caseDecisions.decideAndAct(List.of(caseFacts.one(customer)), reversed.why()));
            } catch (RuntimeException e) {
                log.warn("Reversal ({}) is recorded; the collections decision for customer #{} failed and the nightly sweep will catch up: {}",
                        reversed.why(), customer, e.toString());
            }
        }
    }
}
