package ca.gigafibre.automation.support;

import ca.gigafibre.automation.adapter.acs.GenieAcsClient;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_CheckInformed} (a retried job): has the CPE informed GenieACS since the remote fix? */
@Component("checkCpeInformed")
public class CheckCpeInformed implements JavaDelegate {

    private final GenieAcsClient acs;

    public CheckCpeInformed(GenieAcsClient acs) {
        this.acs = acs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String before = (String) execution.getVariable("lastInformBefore");
        boolean informed = acs.device((String) execution.getVariable("cpeDeviceId"))
                .map(GenieAcsClient.CpeDevice::lastInform)
                .map(last -> before == null || last.isAfter(Instant.parse(before)))
                .orElse(false);
        execution.setVariable("cpeInformed", informed);
        execution.setVariable("informChecks", ((Number) execution.getVariable("informChecks")).intValue() + 1);
    }
}
