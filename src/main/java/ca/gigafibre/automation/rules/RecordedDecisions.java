package ca.gigafibre.automation.rules;

import org.springframework.stereotype.Component;

/**
 * The rules' decision on one subject, recorded in the decision log with the facts it was taken on — what every caller
 * that acts on a decision does, so none of them can act on one it did not record.
 */
@Component
public class RecordedDecisions {

    private final RuleDecisions decisions;
    private final DecisionLog log;

    public RecordedDecisions(RuleDecisions decisions, DecisionLog log) {
        this.decisions = decisions;
        this.log = log;
    }

    /** @param subjectRef what the decision is about in the log (an invoice, a case, an attempt's key); processInstanceId may be null */
    public DecisionResult decide(String area, DecisionFacts facts, Long customerId, String subjectRef, String processInstanceId) {
        DecisionResult result = decisions.decide(area, facts);
        log.record(customerId, subjectRef, facts, result, processInstanceId);
        return result;
    }
}
