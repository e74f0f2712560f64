package ca.gigafibre.automation.provisioning.deactivation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_FinishDeactivation}: the deactivation is done; the location or line may be deactivated again later. */
@Component("finishDeactivation")
public class FinishDeactivationDelegate implements JavaDelegate {

    private final Deactivations deactivations;

    public FinishDeactivationDelegate(Deactivations deactivations) {
        this.deactivations = deactivations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        deactivations.finish(((Number) execution.getVariable("deactivationId")).longValue());
    }
}
