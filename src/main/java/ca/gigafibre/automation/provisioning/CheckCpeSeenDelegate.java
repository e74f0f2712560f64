package ca.gigafibre.automation.provisioning;

import ca.gigafibre.automation.adapter.acs.GenieAcsClient;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_CheckCpeSeen}: has the CPE informed GenieACS yet? Counts the checks so the process knows when to ask a person. */
@Component("checkCpeSeen")
public class CheckCpeSeenDelegate implements JavaDelegate {

    private final GenieAcsClient acs;

    public CheckCpeSeenDelegate(GenieAcsClient acs) {
        this.acs = acs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Optional<String> device = acs.findDeviceId((String) execution.getVariable("ontSerial"));
        Object checks = execution.getVariable("cpeChecks");
        execution.setVariable("cpeChecks", (checks instanceof Number n ? n.intValue() : 0) + 1);
        execution.setVariable("cpeSeen", device.isPresent());
        device.ifPresent(id -> execution.setVariable("cpeDeviceId", id));
    }
}
