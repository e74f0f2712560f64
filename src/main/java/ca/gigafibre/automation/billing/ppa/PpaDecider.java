package ca.gigafibre.automation.billing.ppa;

import ca.gigafibre.automation.platform.text.Money;
import ca.gigafibre.automation.platform.time.BusinessTime;
import ca.gigafibre.automation.rules.DecisionLog;
import ca.gigafibre.automation.rules.DecisionResult;
import ca.gigafibre.automation.rules.RuleDecisions;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code rules/ppa-charging.drl} on one invoice: whether, how, how much and when it is charged, as the variables
 * {@code billing-collections} routes on. Asked by {@code Task_DecidePpa}, or by whoever starts the process right at its
 * decision ({@code billing.invoice.CollectionsStarter}); either way the decision is logged with its facts.
 */
@Component
public class PpaDecider {

    private final PpaFactsLoader facts;
    private final RuleDecisions decisions;
    private final DecisionLog decisionLog;

    public PpaDecider(PpaFactsLoader facts, RuleDecisions decisions, DecisionLog decisionLog) {
        this.facts = facts;
        this.decisions = decisions;
        this.decisionLog = decisionLog;
    }

    /** A decision on an invoice, not logged yet. */
    public record Decided(String invoiceNo, PpaFactsLoader.Loaded loaded, DecisionResult result) {

        /** What the process routes on and shows people. */
        public Map<String, Object> variables() {
            Map<String, Object> variables = new HashMap<>();
            variables.put("ppaDecision", result.outcome());
            variables.put("decisionExplanation", result.explanation());
            variables.put("chargeOutcome", "NOT_CHARGED");
            if (result.values().get("method") != null) {
                // shown to people only: the charge decides its amount again right before it is made (ChargePpaDelegate)
                variables.put("chargeAmountText", Money.french((BigDecimal) result.values().get("amount")));
                variables.put("chargeOnDate", BusinessTime.startOf((LocalDate) result.values().get("chargeOn")));
                variables.put("chargeAttempt", 1);
            }
            return variables;
        }
    }

    public Decided decide(String invoiceNo) {
        return decide(facts.load(invoiceNo));
    }

    /** On facts already read: a billing run's chunk reads them in one round trip ({@link #factsOf}). */
    public Decided decide(PpaFactsLoader.Loaded loaded) {
        return new Decided(loaded.facts().getInvoiceId(), loaded, decisions.decide("ppa", loaded.facts()));
    }

    /** The facts of many invoices, by invoice id, in one round trip; an unknown invoice is absent. */
    public Map<String, PpaFactsLoader.Loaded> factsOf(List<String> invoiceNos) {
        return facts.loadAll(invoiceNos);
    }

    /** Logs the decision against the process instance that follows it. */
    public void record(Decided decided, String processInstanceId) {
        decisionLog.record(decided.loaded().customerId(), decided.invoiceNo(), decided.loaded().facts(), decided.result(), processInstanceId);
    }
}
