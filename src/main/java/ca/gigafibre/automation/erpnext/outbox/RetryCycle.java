package ca.gigafibre.automation.erpnext.outbox;

import ca.gigafibre.automation.adapter.AdapterProperties;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.springframework.stereotype.Component;

/**
 * The adapters' retry cycle ({@code automation.adapters.retry-cycle}, ISO 8601 {@code R3/PT5M}, read by Camunda's own
 * parser as for the BPMN jobs): a post ERPNext could not take is tried again {@code retries} times, {@code delay} apart,
 * then fails.
 */
@Component
public class RetryCycle {

    private final int retries;
    private final Duration delay;

    public RetryCycle(AdapterProperties adapters) {
        String cycle = adapters.retryCycle();
        try {
            Date origin = new Date(0);
            DurationHelper parsed = new DurationHelper(cycle, origin);
            this.retries = Math.max(parsed.getTimes(), 0);
            this.delay = Duration.ofMillis(parsed.getDateAfter(origin).getTime() - origin.getTime());
        } catch (Exception e) {
            throw new IllegalArgumentException("automation.adapters.retry-cycle is not an ISO 8601 cycle (R3/PT5M): " + cycle, e);
        }
    }

    public int retries() {
        return retries;
    }

    public Duration delay() {
        return delay;
    }
}
