package ca.gigafibre.automation.support;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** {@code automation.support.*}: how long to wait for a CPE to inform after a remote fix, and how many times. */
@Component
public class SupportSettings implements ca.gigafibre.automation.workflow.ExpressionBean {

    private final Duration informWait;
    private final int informChecks;
    private final int warrantyDays;

    public SupportSettings(@Value("${automation.support.inform-wait:PT2M}") Duration informWait,
                           @Value("${automation.support.inform-checks:5}") int informChecks,
                           @Value("${automation.support.warranty-days:90}") int warrantyDays) {
        this.informWait = informWait;
        this.informChecks = informChecks;
        this.warrantyDays = warrantyDays;
    }

    /** ISO 8601, for the BPMN timer between checks. */
    public String getInformWait() {
        return informWait.toString();
    }

    public int getInformChecks() {
        return informChecks;
    }

    /** Days after the installation during which work on it is under warranty. */
    public int warrantyDays() {
        return warrantyDays;
    }
}
