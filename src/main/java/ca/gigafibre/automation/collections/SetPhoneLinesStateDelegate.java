package ca.gigafibre.automation.collections;

import ca.gigafibre.automation.adapter.pbx.PbxClient;
import ca.gigafibre.automation.platform.time.BusinessHours;
import ca.gigafibre.automation.platform.time.BusinessTime;
import ca.gigafibre.automation.workflow.NotNow;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_PhoneLinesEmergencyOnly} / {@code Task_PhoneLinesActive}: PATCH every phone line of the account to the
 * activity's input {@code lineState}. A suspended account keeps 911: {@code emergency-only}, never {@code suspended}.
 * Lines going to {@code emergency-only} (a cut) are re-checked against the cut window right before the first call: a
 * retry outside it waits for the next window ({@link NotNow}); lines going live again are never held.
 */
@Component("setPhoneLinesState")
public class SetPhoneLinesStateDelegate implements JavaDelegate {

    private final PbxClient pbx;
    private final CustomerNetwork network;
    private final BusinessHours hours;

    public SetPhoneLinesStateDelegate(PbxClient pbx, CustomerNetwork network, BusinessHours hours) {
        this.pbx = pbx;
        this.network = network;
        this.hours = hours;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String state = (String) execution.getVariableLocal("lineState");
        OffsetDateTime now = BusinessTime.now();
        if ("emergency-only".equals(state) && !hours.isCutTime(now)) {
            throw new NotNow("Phone lines of " + execution.getVariable("customerId") + " to emergency-only outside the cut window",
                    hours.nextCutTime(now));
        }
        for (String did : network.phoneLines((String) execution.getVariable("customerId"))) {
            pbx.setState(did, state);
            network.setLineState(did, state);
        }
    }
}
