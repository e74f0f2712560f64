package ca.gigafibre.automation.collections.reactivation;

import ca.gigafibre.automation.collections.suspension.ServiceChanges;
import ca.gigafibre.automation.customer.CustomerRef;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * {@code rules/reactivation.drl} on a suspended account as it is now and, when it says REACTIVATE and no suspension or
 * reactivation holds the account, the {@code reactivation} process started: after a payment, by the nightly sweep and
 * when a suspension that held the account ends.
 */
@Component
public class ReactivationStarter {

    /** Which decisions go to the decision log: every one (a payment, a suspension's end) or only those that reactivate (the sweep). */
    public enum Logged { EVERY_DECISION, REACTIVATIONS_ONLY }

    private final ReactivationDecision decision;
    private final ServiceChanges changes;
    private final RuntimeService runtime;

    public ReactivationStarter(ReactivationDecision decision, ServiceChanges changes, RuntimeService runtime) {
        this.decision = decision;
        this.changes = changes;
        this.runtime = runtime;
    }

    /** @param subjectRef what the decision is about in the log (a payment, "sweep", a process instance); @return whether one started */
    public boolean startIfDecided(CustomerRef customer, String subjectRef, String reason, Logged logged) {
        ReactivationDecision.Decided decided = decision.decide(customer);
        if (decided.reactivates() || logged == Logged.EVERY_DECISION) {
            decision.log(customer, decided, subjectRef, null);
        }
        if (!decided.reactivates() || changes.inFlight(customer.id())) {
            return false;
        }
        return !runtime.startProcessInstanceByKey("reactivation", customer.no().value(), Map.of("customerId", customer.no().value(), "reason", reason,
                "decisionExplanation", decided.result().explanation())).isEnded();
    }
}
