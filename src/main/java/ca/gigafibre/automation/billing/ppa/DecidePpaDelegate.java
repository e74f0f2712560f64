package ca.gigafibre.automation.billing.ppa;

import ca.gigafibre.automation.platform.time.BusinessTime;
import ca.gigafibre.automation.rules.DecisionLog;
import ca.gigafibre.automation.rules.DecisionResult;
import ca.gigafibre.automation.rules.RuleDecisions;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_DecidePpa}: {@code rules/ppa-charging.drl} decides whether, how, how much and when the invoice is
 * charged; the decision is logged with its facts and explained in {@code decisionExplanation}.
 */
@Component("decidePpa")
public class DecidePpaDelegate implements JavaDelegate {

    private final PpaFactsLoader facts;
    private final RuleDecisions decisions;
    private final DecisionLog decisionLog;

    public DecidePpaDelegate(PpaFactsLoader facts, RuleDecisions decisions, DecisionLog decisionLog) {
        this.facts = facts;
        this.decisions = decisions;
        this.decisionLog = decisionLog;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String invoice = execution.getProcessBusinessKey();
        PpaFactsLoader.Loaded loaded = facts.load(invoice);
        DecisionResult result = decisions.decide("ppa", loaded.facts());
        decisionLog.record(loaded.customerId(), invoice, loaded.facts(), result, execution.getProcessInstanceId());
        execution.setVariable("ppaDecision", result.outcome());
        execution.setVariable("decisionExplanation", result.explanation());
        execution.setVariable("chargeOutcome", "NOT_CHARGED");
        if (result.values().get("method") != null) {
            // shown to people only: the charge decides its amount again right before it is made (ChargePpaDelegate)
            execution.setVariable("chargeAmountText", ca.gigafibre.automation.platform.text.Money.french((BigDecimal) result.values().get("amount")));
            LocalDate chargeOn = (LocalDate) result.values().get("chargeOn");
            execution.setVariable("chargeOnDate", BusinessTime.startOf(chargeOn));
            execution.setVariable("chargeAttempt", 1);
        }
    }
}
