package ca.gigafibre.automation.collections;

import ca.gigafibre.automation.adapter.pbx.PbxClient;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_PhoneLinesEmergencyOnly} / {@code Task_PhoneLinesActive}: PATCH every phone line of the account to the
 * activity's input {@code lineState}. A suspended account keeps 911: {@code emergency-only}, never {@code suspended}.
 */
@Component("setPhoneLinesState")
public class SetPhoneLinesStateDelegate implements JavaDelegate {

    private final PbxClient pbx;
    private final CustomerNetwork network;

    public SetPhoneLinesStateDelegate(PbxClient pbx, CustomerNetwork network) {
        this.pbx = pbx;
        this.network = network;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String state = (String) execution.getVariableLocal("lineState");
        for (String did : network.phoneLines((String) execution.getVariable("customerId"))) {
            pbx.setState(did, state);
            network.setLineState(did, state);
        }
    }
}
