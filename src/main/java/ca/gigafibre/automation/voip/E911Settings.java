package ca.gigafibre.automation.voip;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** How long a line's 911 address may stay unconfirmed before ops are asked to act (BPMN: {@code ${e911Settings.escalateAfter}}). */
@Component("e911Settings")
public class E911Settings implements ca.gigafibre.automation.workflow.ExpressionBean {

    private final String escalateAfter;

    public E911Settings(@Value("${automation.e911.escalate-after:PT4H}") String escalateAfter) {
        this.escalateAfter = escalateAfter;
    }

    public String getEscalateAfter() {
        return escalateAfter;
    }
}
