package ca.gigafibre.automation.provisioning.deactivation;

import ca.gigafibre.automation.platform.time.BusinessHours;
import ca.gigafibre.automation.platform.time.BusinessTime;
import ca.gigafibre.automation.workflow.NotNow;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Component;

/**
 * The cut window, checked again right before a deactivation takes service away: a job retried outside it (an incident
 * resumed on a Friday evening) waits for the next window ({@link NotNow}) instead.
 */
@Component
class DeactivationWindow {

    private final BusinessHours hours;

    DeactivationWindow(BusinessHours hours) {
        this.hours = hours;
    }

    void beforeCut(String what) {
        OffsetDateTime now = BusinessTime.now();
        if (!hours.isCutTime(now)) {
            throw new NotNow(what + " outside the cut window", hours.nextCutTime(now));
        }
    }
}
