package ca.gigafibre.automation.workflow;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.JobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A job that failed with {@link NotNow} is due again at the instant it named, with its retries unchanged, so an
 * incident retried at the wrong hour (a cut on Friday at 17:00, a text at 23:00) waits for its window instead of acting
 * or burning a retry. Any other failure goes to the engine's usual retry handling (retry cycle, then incident).
 */
@Component
public class NotNowJobPostponement extends AbstractProcessEnginePlugin {

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        FailedJobCommandFactory usual = configuration.getFailedJobCommandFactory();
        configuration.setFailedJobCommandFactory((jobId, failure) -> {
            NotNow notNow = NotNow.in(failure);
            return notNow == null ? usual.getCommand(jobId, failure) : new Postpone(jobId, notNow);
        });
    }

    private static final Logger log = LoggerFactory.getLogger(NotNowJobPostponement.class);

    private static final class Postpone extends JobRetryCmd {

        private final NotNow notNow;

        Postpone(String jobId, NotNow notNow) {
            super(jobId, notNow);
            this.notNow = notNow;
        }

        @Override
        public Object execute(CommandContext commandContext) {
            JobEntity job = getJob();
            if (job == null) {
                return null;
            }
            job.unlock();
            job.setDuedate(notNow.resumeAt());
            logException(job);   // Cockpit shows why the job waits
            log.info("Job {} ({} of {}) postponed: {}", job.getId(), job.getActivityId(), job.getProcessDefinitionKey(), notNow.getMessage());
            return null;
        }
    }
}
