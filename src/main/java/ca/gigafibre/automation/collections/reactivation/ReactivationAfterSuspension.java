package ca.gigafibre.automation.collections.reactivation;

import ca.gigafibre.automation.platform.db.FollowUpTransaction;
import ca.gigafibre.automation.collections.suspension.SuspensionReleased;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A payment that lands while a suspension holds the account (between its OLT and PBX calls, or while one of them is an
 * incident) cannot start a reactivation: one service change at a time. When that suspension ends (also when it stopped
 * before the lines' cut because service is to come back), the reactivation rules look at the account again at once,
 * instead of leaving a customer who paid cut until the nightly sweep.
 */
@Component
public class ReactivationAfterSuspension {

    private static final Logger log = LoggerFactory.getLogger(ReactivationAfterSuspension.class);

    private final ReactivationStarter starter;
    private final FollowUpTransaction followUp;

    public ReactivationAfterSuspension(ReactivationStarter starter, FollowUpTransaction followUp) {
        this.starter = starter;
        this.followUp = followUp;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    public void onRelease(SuspensionReleased released) {
        followUp.run("The end of suspension " + released.processInstanceId() + " of " + released.customer().no(), "the nightly sweep", () -> {
            if (starter.startIfDecided(released.customer(), released.processInstanceId(),
                    "suspension " + released.processInstanceId() + " ended with service to give back", ReactivationStarter.Logged.REACTIVATIONS_ONLY)) {
                log.info("Suspension {} of {} ended; the account was paid meanwhile and is being reactivated", released.processInstanceId(),
                        released.customer().no());
            }
        });
    }
}
