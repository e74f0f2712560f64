package ca.gigafibre.automation.collections;

import ca.gigafibre.automation.adapter.olt.OltClient;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_DisableOnts} / {@code Task_EnableOnts}: PATCH every installed ONT of the account to the activity's
 * input {@code ontState} ({@code disabled} or {@code enabled}). PATCH by serial is idempotent, so a retry after a
 * partial failure changes nothing twice.
 */
@Component("setOntState")
public class SetOntStateDelegate implements JavaDelegate {

    private final OltClient olt;
    private final CustomerNetwork network;

    public SetOntStateDelegate(OltClient olt, CustomerNetwork network) {
        this.olt = olt;
        this.network = network;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String state = (String) execution.getVariableLocal("ontState");
        String reason = (String) execution.getVariable("reason");
        for (String serial : network.ontSerials((String) execution.getVariable("customerId"))) {
            olt.setState(serial, state, reason);
        }
    }
}
