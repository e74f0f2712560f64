package ca.gigafibre.automation.erpnext.outbox;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_RetryPosting}: the person fixed the cause; the entry is pending again, due at the relay's next pass. */
@Component("retryFailedPosting")
public class RetryFailedPostingDelegate implements JavaDelegate {

    private final OutboxEntries entries;

    public RetryFailedPostingDelegate(OutboxEntries entries) {
        this.entries = entries;
    }

    @Override
    public void execute(DelegateExecution execution) {
        entries.retry(((Number) execution.getVariable("outboxId")).longValue());
    }
}
