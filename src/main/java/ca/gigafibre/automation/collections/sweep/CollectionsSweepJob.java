package ca.gigafibre.automation.collections.sweep;

import ca.gigafibre.automation.collections.CollectionsSettings;
import ca.gigafibre.automation.platform.schedule.Schedules;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Trigger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** The nightly collections sweep (Quartz). Cron: {@code automation.collections.sweep-cron}, default 01:30. */
@DisallowConcurrentExecution
public class CollectionsSweepJob extends QuartzJobBean {

    private final CollectionsSweep sweep;

    public CollectionsSweepJob(CollectionsSweep sweep) {
        this.sweep = sweep;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        sweep.run();
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        JobDetail collectionsSweepJob() {
            return Schedules.job(CollectionsSweepJob.class, "collections-sweep", "Nightly collections sweep over every account");
        }

        @Bean
        Trigger collectionsSweepTrigger(JobDetail collectionsSweepJob, CollectionsSettings settings) {
            return Schedules.cron(collectionsSweepJob, settings.sweepCron());
        }
    }
}
