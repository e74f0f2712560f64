package ca.gigafibre.automation.sales;

import ca.gigafibre.automation.platform.error.InvalidRequestException;
import ca.gigafibre.automation.support.DispatchJobs;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RecordInstallationOutcome}, run in the completion of "Confirmer l'installation": done, or failed with its
 * reason (required) — then the installation is planned again.
 */
@Component("recordInstallationOutcome")
public class RecordInstallationOutcome implements JavaDelegate {

    private final DispatchJobs jobs;

    public RecordInstallationOutcome(DispatchJobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String outcome = String.valueOf(execution.getVariable("installationOutcome"));
        Object reason = execution.getVariable("installationFailureReason");
        if (!java.util.List.of("done", "failed").contains(outcome)) {
            throw new InvalidRequestException("installationOutcome", "must be done or failed");
        }
        if ("failed".equals(outcome) && (reason == null || reason.toString().isBlank())) {
            throw new InvalidRequestException("installationFailureReason", "is required when the installation failed");
        }
        jobs.close((String) execution.getVariable("dispatchJobId"), "done".equals(outcome), reason == null ? null : reason.toString().strip());
        execution.setVariable("installationDone", "done".equals(outcome));
    }
}
