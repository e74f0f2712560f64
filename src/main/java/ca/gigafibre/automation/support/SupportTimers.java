package ca.gigafibre.automation.support;

import org.springframework.stereotype.Component;

/**
 * What BPMN reads of {@link SupportSettings}, under the bean name it always had: {@code ${supportSettings.informWait}}
 * (ISO 8601, the timer between checks) and {@code ${supportSettings.informChecks}}.
 */
@Component("supportSettings")
public class SupportTimers implements ca.gigafibre.automation.workflow.ExpressionBean {

    private final SupportSettings settings;

    public SupportTimers(SupportSettings settings) {
        this.settings = settings;
    }

    public String getInformWait() {
        return settings.informWait().toString();
    }

    public int getInformChecks() {
        return settings.informChecks();
    }
}
