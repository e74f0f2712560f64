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
 * completed or was cancelled; a suspension that ended because service is to come back ({@value #SERVICE_TO_GIVE_BACK}) says so.
 */
@Component("claimServiceChange")
public class ClaimServiceChangeDelegate implements JavaDelegate, ExecutionListener {

    /** Process variable: this suspension ended because the reactivation rules give service back (set right before the lines' cut). */
    public static final String SERVICE_TO_GIVE_BACK = "serviceToGiveBack";

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
        changes.release(execution.getProcessInstanceId(), Boolean.TRUE.equals(execution.getVariable(SERVICE_TO_GIVE_BACK)));
    }
}
