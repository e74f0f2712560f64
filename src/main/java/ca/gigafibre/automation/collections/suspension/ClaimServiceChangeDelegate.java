package ca.gigafibre.automation.collections.suspension;

import ca.gigafibre.automation.customer.CustomerNo;
import ca.gigafibre.automation.customer.CustomerRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ClaimAccount} of {@code suspension} and {@code reactivation} (input {@code changeKind}): claims the account
 * for this instance, sets {@code claimed}. As the process's end listener it releases the claim, whether the instance
 * completed or was cancelled.
 */
@Component("claimServiceChange")
public class ClaimServiceChangeDelegate implements JavaDelegate, ExecutionListener {

    private final CustomerRepository customers;
    private final ServiceChanges changes;

    public ClaimServiceChangeDelegate(CustomerRepository customers, ServiceChanges changes) {
        this.customers = customers;
        this.changes = changes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long customerId = customers.idOf(CustomerNo.of((String) execution.getVariable("customerId")), "customerId");
        execution.setVariable("claimed", changes.claim(customerId, (String) execution.getVariableLocal("changeKind"),
                execution.getProcessInstanceId()));
    }

    @Override
    public void notify(DelegateExecution execution) {
        changes.release(execution.getProcessInstanceId());
    }
}
