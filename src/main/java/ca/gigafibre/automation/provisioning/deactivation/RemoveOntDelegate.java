package ca.gigafibre.automation.provisioning.deactivation;

import ca.gigafibre.automation.adapter.olt.OltClient;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RemoveOnt} / {@code Task_RemoveOntAfterGrace}: DELETE each ONT from the OLT. An ONT the OLT no longer knows
 * (a retry after a lost answer) counts as removed. Input {@code cutsService}: a removal that takes service away (an
 * enabled ONT) waits for the cut window; one already disabled (suspended account, grace over) does not.
 */
@Component("removeDeactivatedOnt")
public class RemoveOntDelegate implements JavaDelegate {

    private final OltClient olt;
    private final DeactivationWindow window;

    public RemoveOntDelegate(OltClient olt, DeactivationWindow window) {
        this.olt = olt;
        this.window = window;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void execute(DelegateExecution execution) {
        if (Boolean.TRUE.equals(execution.getVariableLocal("cutsService"))) {
            window.beforeCut("Removing the ONT of " + execution.getProcessBusinessKey());
        }
        for (String serial : (List<String>) execution.getVariable("ontSerials")) {
            olt.remove(serial);
        }
        execution.setVariable("ontAwaitingRemoval", false);
    }
}
