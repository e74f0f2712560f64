package ca.gigafibre.automation.collections.reactivation;

import ca.gigafibre.automation.customer.CustomerNo;
import ca.gigafibre.automation.customer.CustomerRef;
import ca.gigafibre.automation.customer.CustomerRepository;
import ca.gigafibre.automation.rules.DecisionResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code account-collections / Task_DecideReactivation}: {@code rules/reactivation.drl} on the account as it is now. */
@Component("decideReactivation")
public class DecideReactivationDelegate implements JavaDelegate {

    private final CustomerRepository customers;
    private final ReactivationDecision decision;

    public DecideReactivationDelegate(CustomerRepository customers, ReactivationDecision decision) {
        this.customers = customers;
        this.decision = decision;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CustomerNo customerNo = CustomerNo.of((String) execution.getVariable("customerId"));
        DecisionResult result = decision.decideAndLog(new CustomerRef(customers.idOf(customerNo, "customerId"), customerNo),
                (String) execution.getVariable("caseId"), execution.getProcessInstanceId()).result();
        execution.setVariable("reactivationDecision", result.outcome());
        execution.setVariable("decisionExplanation", result.explanation());
    }
}
