package ca.gigafibre.automation.collections.casework;

import ca.gigafibre.automation.collections.CollectionsCaseFacts;
import ca.gigafibre.automation.rules.DecisionLog;
import ca.gigafibre.automation.rules.DecisionResult;
import ca.gigafibre.automation.rules.RuleDecisions;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Asks {@code rules/collections-case.drl} about accounts and acts on what it says: OPEN_CASE opens the case, CLEARED
 * tells the open case its overdue balance is paid. Decisions that act are logged with their facts and why.
 */
@Component
public class CollectionsCaseDecisions {

    public static final String AREA = "collections-case";

    private final RuleDecisions decisions;
    private final DecisionLog decisionLog;
    private final CollectionsCases cases;

    public CollectionsCaseDecisions(RuleDecisions decisions, DecisionLog decisionLog, CollectionsCases cases) {
        this.decisions = decisions;
        this.decisionLog = decisionLog;
        this.cases = cases;
    }

    /** What was done for a batch of accounts. */
    public record Acted(int opened, int cleared) {
    }

    /** @param trigger what asked ("sweep", the invoice that fell overdue, the payment) — kept as the decision's subject */
    public Acted decideAndAct(List<CollectionsCaseFacts> accounts, String trigger) {
        Map<String, DecisionResult> decided = decisions.decideAll(AREA, accounts);
        int opened = 0;
        int cleared = 0;
        for (CollectionsCaseFacts facts : accounts) {
            DecisionResult result = decided.get(facts.getSubject());
            switch (result.outcome()) {
                case "OPEN_CASE" -> {
                    decisionLog.record(facts.id(), trigger, facts, result, null);
                    opened += cases.openOrJoin(facts.customer(), trigger).opened() ? 1 : 0;
                }
                case "CLEARED" -> {
                    decisionLog.record(facts.id(), trigger, facts, result, null);
                    cleared += cases.announceCleared(facts.getCustomerId()) ? 1 : 0;
                }
                default -> {
                    // CONTINUE / NOTHING: the case in place, or no case, is already right
                }
            }
        }
        return new Acted(opened, cleared);
    }
}
