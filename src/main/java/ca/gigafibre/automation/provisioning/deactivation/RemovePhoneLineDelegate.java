package ca.gigafibre.automation.provisioning.deactivation;

import ca.gigafibre.automation.adapter.pbx.PbxClient;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RemovePhoneLines}, one job per DID ({@code did}): DELETE the SIP line at the PBX (a line already gone counts
 * as removed), then the line is cancelled on our side. Held outside the cut window: it takes the phone away.
 */
@Component("removePhoneLine")
public class RemovePhoneLineDelegate implements JavaDelegate {

    private final PbxClient pbx;
    private final DeactivatedNetwork network;
    private final DeactivationWindow window;

    public RemovePhoneLineDelegate(PbxClient pbx, DeactivatedNetwork network, DeactivationWindow window) {
        this.pbx = pbx;
        this.network = network;
        this.window = window;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String did = (String) execution.getVariable("did");
        window.beforeCut("Removing phone line " + did);
        pbx.remove(did);
        network.lineCancelled(did);
    }
}
