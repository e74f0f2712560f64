package ca.gigafibre.automation.voip;

import org.springframework.stereotype.Component;

/** What BPMN reads of {@link E911Settings}, under the bean name it always had: {@code ${e911Settings.escalateAfter}} (ISO 8601). */
@Component("e911Settings")
public class E911Timers implements ca.gigafibre.automation.workflow.ExpressionBean {

    private final E911Settings settings;

    public E911Timers(E911Settings settings) {
        this.settings = settings;
    }

    public String getEscalateAfter() {
        return settings.escalateAfter().toString();
    }
}
