package ca.gigafibre.automation.collections.network;

import ca.gigafibre.automation.collections.suspension.DecideSuspensionDelegate;
import ca.gigafibre.automation.platform.time.BusinessHours;
import ca.gigafibre.automation.platform.time.BusinessTime;
import ca.gigafibre.automation.workflow.NotNow;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The cut window, checked again right before a cut reaches the OLT or the PBX: a job retried outside it (an incident
 * retried on a Friday at 17:00) waits for the next window ({@link NotNow}) instead of cutting. A suspension the rules
 * decided to cut at any hour (abuse, fraud: {@code cutAnyHour}, set by {@link DecideSuspensionDelegate}) is not held.
 */
@Component
public class CutWindowGuard {

    private final BusinessHours hours;

    public CutWindowGuard(BusinessHours hours) {
        this.hours = hours;
    }

    public void beforeCut(DelegateExecution execution, String what) {
        OffsetDateTime now = BusinessTime.now();
        if (!Boolean.TRUE.equals(execution.getVariable(DecideSuspensionDelegate.CUT_ANY_HOUR)) && !hours.isCutTime(now)) {
            throw new NotNow(what + " of " + execution.getVariable("customerId") + " outside the cut window", hours.nextCutTime(now));
        }
    }
}
