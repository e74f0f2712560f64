package ca.gigafibre.automation.collections.network;

import ca.gigafibre.automation.adapter.pbx.PbxClient;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_PhoneLinesEmergencyOnly} / {@code Task_PhoneLinesActive}: PATCH every phone line of the account to the
 * activity's input {@code lineState}. A suspended account keeps 911: {@code emergency-only}, never {@code suspended}.
 * Lines going to {@code emergency-only} (a cut) are re-checked against the cut window right before the first call: a
 * retry outside it waits for the next window ({@link CutWindowGuard}), then the rules decide again whether the lines are
 * still to be cut or service is to come back instead ({@link LinesCutConfirmation}); lines going live again are never held.
 */
@Component("setPhoneLinesState")
public class SetPhoneLinesStateDelegate implements JavaDelegate {

    private final PbxClient pbx;
    private final CustomerNetwork network;
    private final CutWindowGuard cutWindow;
    private final LinesCutConfirmation confirmation;

    public SetPhoneLinesStateDelegate(PbxClient pbx, CustomerNetwork network, CutWindowGuard cutWindow, LinesCutConfirmation confirmation) {
        this.pbx = pbx;
        this.network = network;
        this.cutWindow = cutWindow;
        this.confirmation = confirmation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String state = (String) execution.getVariableLocal("lineState");
        if ("emergency-only".equals(state)) {
            cutWindow.beforeCut(execution, "Phone lines to emergency-only");
            confirmation.confirm(execution);
        }
        for (String did : network.phoneLines((String) execution.getVariable("customerId"))) {
            pbx.setState(did, state);
            network.setLineState(did, state);
        }
    }
}
