package ca.gigafibre.automation.erpnext.shadow;

import ca.gigafibre.automation.platform.schedule.Schedules;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * A shadow run as a clustered Quartz job, fired for the run an operator asked for (its id in the trigger's data; no
 * calendar). One at a time in the cluster, as they only read and report. Quartz runs it again on another node when its
 * node dies in the middle ({@link Schedules#job recovery}); {@link ShadowRunExecution#execute} then starts the run over.
 */
@DisallowConcurrentExecution
public class ShadowRunJob extends QuartzJobBean {

    public static final JobKey KEY = JobKey.jobKey("shadow-run", "automation");
    public static final String RUN_ID = "runId";
    private static final Logger log = LoggerFactory.getLogger(ShadowRunJob.class);

    private final ShadowRunExecution execution;

    public ShadowRunJob(ShadowRunExecution execution) {
        this.execution = execution;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        long runId = Long.parseLong(context.getMergedJobDataMap().getString(RUN_ID));
        if (context.isRecovering()) {
            log.warn("Shadow run #{}: its node stopped in the middle; this node computes it again", runId);
        }
        execution.execute(runId);
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        JobDetail shadowRunJob() {
            return Schedules.job(ShadowRunJob.class, KEY.getName(), "Shadow billing run asked for: computed and compared with ERPNext");
        }
    }
}
