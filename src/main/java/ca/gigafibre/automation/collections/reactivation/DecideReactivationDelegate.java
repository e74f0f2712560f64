package ca.gigafibre.automation.collections.reactivation;

import ca.gigafibre.automation.customer.CustomerNo;
import ca.gigafibre.automation.customer.CustomerRef;
import ca.gigafibre.automation.collections.ReactivationFacts;
import ca.gigafibre.automation.customer.CustomerRepository;
import ca.gigafibre.automation.rules.DecisionLog;
import ca.gigafibre.automation.rules.DecisionResult;
import ca.gigafibre.automation.rules.RuleDecisions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code account-collections / Task_DecideReactivation}: {@code rules/reactivation.drl} on the account as it is now. */
@Component("decideReactivation")
public class DecideReactivationDelegate implements JavaDelegate {

    private final CustomerRepository customers;
    private final ReactivationFactsLoader facts;
    private final RuleDecisions decisions;
    private final DecisionLog decisionLog;

    public DecideReactivationDelegate(CustomerRepository customers, ReactivationFactsLoader facts, RuleDecisions decisions,
                                      DecisionLog decisionLog) {
        this.customers = customers;
        this.facts = facts;
        this.decisions = decisions;
        this.decisionLog = decisionLog;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String customerNo = (String) execution.getVariable("customerId");
        long customerId = customers.idOf(CustomerNo.of(customerNo), "customerId");
        ReactivationFacts snapshot = facts.load(new CustomerRef(customerId, customerNo));
        DecisionResult result = decisions.decide("reactivation", snapshot);
        decisionLog.record(customerId, (String) execution.getVariable("caseId"), snapshot, result, execution.getProcessInstanceId());
        execution.setVariable("reactivationDecision", result.outcome());
        execution.setVariable("decisionExplanation", result.explanation());
    }
}
