package ca.gigafibre.automation.voip;

import ca.gigafibre.automation.platform.schedule.Schedules;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Trigger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** The nightly 911 audit (Quartz, clustered: one node runs it). Cron: {@code automation.e911.audit-cron}. */
@DisallowConcurrentExecution
public class E911AuditJob extends QuartzJobBean {

    private final E911NightlyAudit audit;

    public E911AuditJob(E911NightlyAudit audit) {
        this.audit = audit;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        audit.run();
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        JobDetail e911AuditJob() {
            return Schedules.job(E911AuditJob.class, "e911-audit", "Nightly 911 audit: mismatches, missing and orphan registrations");
        }

        @Bean
        Trigger e911AuditTrigger(JobDetail e911AuditJob, E911Settings settings) {
            return Schedules.cron(e911AuditJob, settings.auditCron());
        }
    }
}
