package ca.gigafibre.automation.workflow;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The retry cycle of activities that call external systems, used in BPMN as
 * {@code <camunda:failedJobRetryTimeCycle>${retryPolicy.cycle}</camunda:failedJobRetryTimeCycle>}: after the
 * last retry the job becomes an incident in Cockpit.
 */
@Component("retryPolicy")
public class RetryPolicy implements ca.gigafibre.automation.workflow.ExpressionBean {

    private final String cycle;

    public RetryPolicy(@Value("${automation.adapters.retry-cycle:R3/PT5M}") String cycle) {
        this.cycle = cycle;
    }

    public String getCycle() {
        return cycle;
    }
}
