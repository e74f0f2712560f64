package ca.gigafibre.automation.collections.network;

import ca.gigafibre.automation.adapter.olt.OltClient;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_DisableOnts} / {@code Task_EnableOnts}: PATCH every installed ONT of the account to the activity's
 * input {@code ontState} ({@code disabled} or {@code enabled}). PATCH by serial is idempotent, so a retry after a
 * partial failure changes nothing twice. A cut ({@code disabled}) is re-checked against the cut window right before
 * the first call: a job retried outside it (an incident retried on a Friday at 17:00) waits for the next window
 * ({@link CutWindowGuard}) instead of cutting; then the rules decide again on fresh facts ({@link CutConfirmation}), so a
 * customer who paid while the cut waited is not cut. Service given back ({@code enabled}) is never held.
 */
@Component("setOntState")
public class SetOntStateDelegate implements JavaDelegate {

    private final OltClient olt;
    private final CustomerNetwork network;
    private final CutWindowGuard cutWindow;
    private final CutConfirmation confirmation;

    public SetOntStateDelegate(OltClient olt, CustomerNetwork network, CutWindowGuard cutWindow, CutConfirmation confirmation) {
        this.olt = olt;
        this.network = network;
        this.cutWindow = cutWindow;
        this.confirmation = confirmation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String state = (String) execution.getVariableLocal("ontState");
        String reason = (String) execution.getVariable("reason");
        if ("disabled".equals(state)) {
            cutWindow.beforeCut(execution, "Disabling the ONTs");
            confirmation.confirm(execution);
        }
        for (String serial : network.ontSerials((String) execution.getVariable("customerId"))) {
            olt.setState(serial, state, reason);
        }
    }
}
