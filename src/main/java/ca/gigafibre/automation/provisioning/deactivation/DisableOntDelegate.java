package ca.gigafibre.automation.provisioning.deactivation;

import ca.gigafibre.automation.adapter.olt.OltClient;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_DisableOnt}: service off on the end date, the ONT kept on the OLT through the grace period (a mistake is
 * undone by enabling it again). PATCH by serial is idempotent; held outside the cut window.
 */
@Component("disableDeactivatedOnt")
public class DisableOntDelegate implements JavaDelegate {

    private final OltClient olt;
    private final DeactivationWindow window;

    public DisableOntDelegate(OltClient olt, DeactivationWindow window) {
        this.olt = olt;
        this.window = window;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void execute(DelegateExecution execution) {
        window.beforeCut("Disabling the ONT of " + execution.getProcessBusinessKey());
        for (String serial : (List<String>) execution.getVariable("ontSerials")) {
            olt.setState(serial, "disabled", "cancelled");
        }
        execution.setVariable("ontAwaitingRemoval", true);
    }
}
