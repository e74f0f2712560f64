package ca.gigafibre.automation.workflow;

import ca.gigafibre.automation.adapter.AdapterProperties;
import org.springframework.stereotype.Component;

/**
 * The retry cycle of activities that call external systems, used in BPMN as
 * {@code <camunda:failedJobRetryTimeCycle>${retryPolicy.cycle}</camunda:failedJobRetryTimeCycle>}: after the
 * last retry the job becomes an incident in Cockpit. The cycle is {@code automation.adapters.retry-cycle} ({@link AdapterProperties}).
 */
@Component("retryPolicy")
public class RetryPolicy implements ca.gigafibre.automation.workflow.ExpressionBean {

    private final String cycle;

    public RetryPolicy(AdapterProperties adapters) {
        this.cycle = adapters.retryCycle();
    }

    public String getCycle() {
        return cycle;
    }
}
