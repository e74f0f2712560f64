package ca.gigafibre.automation.collections;

import ca.gigafibre.automation.customer.CustomerRepository;
import ca.gigafibre.automation.rules.DecisionLog;
import ca.gigafibre.automation.rules.DecisionResult;
import ca.gigafibre.automation.rules.RuleDecisions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_DecideSuspension}: asks {@code rules/suspension.drl} whether this account is suspended now, logs
 * the decision with its facts, and hands the outcome and the sentence explaining it to the process.
 */
@Component("decideSuspension")
public class DecideSuspensionDelegate implements JavaDelegate {

    public static final String AREA = "suspension";

    private final CustomerRepository customers;
    private final SuspensionFactsLoader facts;
    private final RuleDecisions decisions;
    private final DecisionLog decisionLog;

    public DecideSuspensionDelegate(CustomerRepository customers, SuspensionFactsLoader facts, RuleDecisions decisions,
                                    DecisionLog decisionLog) {
        this.customers = customers;
        this.facts = facts;
        this.decisions = decisions;
        this.decisionLog = decisionLog;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String customerNo = (String) execution.getVariable("customerId");
        long customerId = customers.idOf(customerNo, "customerId");
        boolean requestedByStaff = Boolean.TRUE.equals(execution.getVariable("requestedByStaff"));
        SuspensionFacts snapshot = facts.load(customerId, requestedByStaff);
        DecisionResult result = decisions.decide(AREA, snapshot);
        decisionLog.record(customerId, customerNo, snapshot, result, execution.getProcessInstanceId());
        execution.setVariable("suspensionDecision", result.outcome());
        execution.setVariable("decisionExplanation", result.explanation());
        execution.setVariable("rulesFired", String.join(", ", result.rulesFired()));
        if (result.values().get("nextBusinessDay") instanceof java.time.LocalDate day) {
            // service is cut during business hours: 08:00 on the next business day
            execution.setVariable("nextBusinessDayStart", ca.gigafibre.automation.platform.time.BusinessTime.at(day, 8));
        }
    }
}
