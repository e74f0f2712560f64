package ca.gigafibre.automation.collections.reactivation;

import ca.gigafibre.automation.collections.ReactivationFacts;
import ca.gigafibre.automation.customer.CustomerRef;
import ca.gigafibre.automation.rules.DecisionLog;
import ca.gigafibre.automation.rules.DecisionResult;
import ca.gigafibre.automation.rules.RuleDecisions;
import org.springframework.stereotype.Component;

/**
 * The one place {@code rules/reactivation.drl} is asked about a suspended account as it is now: after a payment, by the
 * nightly sweep, when a suspension that held the account ends, in {@code account-collections} and right before a
 * suspension cuts the phone lines.
 */
@Component
public class ReactivationDecision {

    /** The facts the rules saw and what they said. */
    public record Decided(ReactivationFacts facts, DecisionResult result) {

        public boolean reactivates() {
            return "REACTIVATE".equals(result.outcome());
        }
    }

    private final ReactivationFactsLoader facts;
    private final RuleDecisions decisions;
    private final DecisionLog decisionLog;

    public ReactivationDecision(ReactivationFactsLoader facts, RuleDecisions decisions, DecisionLog decisionLog) {
        this.facts = facts;
        this.decisions = decisions;
        this.decisionLog = decisionLog;
    }

    public Decided decide(CustomerRef customer) {
        ReactivationFacts snapshot = facts.load(customer);
        return new Decided(snapshot, decisions.decide("reactivation", snapshot));
    }

    /** @param subjectRef what the decision is about in the log (a case, a payment, "sweep"); processInstanceId may be null */
    public void log(CustomerRef customer, Decided decided, String subjectRef, String processInstanceId) {
        decisionLog.record(customer.id(), subjectRef, decided.facts(), decided.result(), processInstanceId);
    }

    public Decided decideAndLog(CustomerRef customer, String subjectRef, String processInstanceId) {
        Decided decided = decide(customer);
        log(customer, decided, subjectRef, processInstanceId);
        return decided;
    }
}
