package ca.gigafibre.automation.platform.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What follows a committed event (a payment, a reversal, a suspension's end, an undelivered text), in a transaction of
 * its own: a failure there never undoes the event that committed, nor one account's follow-up another's. A failure is
 * logged, naming who catches up on it (the nightly sweep, the charge reconciler, the process's own next step).
 */
@Component
public class FollowUpTransaction {

    private static final Logger log = LoggerFactory.getLogger(FollowUpTransaction.class);

    private final TransactionTemplate ownTransaction;

    public FollowUpTransaction(PlatformTransactionManager transactions) {
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * @param event     what committed, as the log names it ("Payment P-12 of C-100")
     * @param catchesUp who does the work when this attempt fails ("the nightly sweep")
     * @return whether the follow-up committed
     */
    public boolean run(String event, String catchesUp, Runnable work) {
        try {
            ownTransaction.executeWithoutResult(tx -> work.run());
            return true;
        } catch (RuntimeException e) {
            log.warn("{} is recorded; what follows it failed and {} will catch up: {}", event, catchesUp, e.toString());
            return false;
        }
    }
}
