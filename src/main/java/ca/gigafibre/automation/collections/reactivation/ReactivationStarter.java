package ca.gigafibre.automation.collections.reactivation;

import ca.gigafibre.automation.customer.CustomerRef;
import ca.gigafibre.automation.collections.ReactivationFacts;
import ca.gigafibre.automation.collections.suspension.ServiceChanges;
import ca.gigafibre.automation.rules.DecisionLog;
import ca.gigafibre.automation.rules.DecisionResult;
import ca.gigafibre.automation.rules.RuleDecisions;
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

    private final ReactivationFactsLoader facts;
    private final RuleDecisions decisions;
    private final DecisionLog decisionLog;
    private final ServiceChanges changes;
    private final RuntimeService runtime;

    public ReactivationStarter(ReactivationFactsLoader facts, RuleDecisions decisions, DecisionLog decisionLog, ServiceChanges changes,
                               RuntimeService runtime) {
        this.facts = facts;
        this.decisions = decisions;
        this.decisionLog = decisionLog;
        this.changes = changes;
        this.runtime = runtime;
    }

    /** @param subjectRef what the decision is about in the log (a payment, "sweep", a process instance); @return whether one started */
    public boolean startIfDecided(CustomerRef customer, String subjectRef, String reason, Logged logged) {
        ReactivationFacts snapshot = facts.load(customer);
        DecisionResult result = decisions.decide("reactivation", snapshot);
        boolean reactivate = "REACTIVATE".equals(result.outcome());
        if (reactivate || logged == Logged.EVERY_DECISION) {
            decisionLog.record(customer.id(), subjectRef, snapshot, result, null);
        }
        if (!reactivate || changes.inFlight(customer.id())) {
            return false;
        }
        return !runtime.startProcessInstanceByKey("reactivation", customer.no().value(), Map.of("customerId", customer.no().value(), "reason", reason,
                "decisionExplanation", result.explanation())).isEnded();
    }
}
