package ca.gigafibre.automation.erpnext.sync;

import ca.gigafibre.automation.erpnext.ErpNextSettings;
import ca.gigafibre.automation.platform.error.ConflictException;
import ca.gigafibre.automation.platform.schedule.Schedules;
import java.util.Date;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** The master-data sync from ERPNext (Quartz, clustered: one node at a time) every {@code automation.erpnext.sync-interval}. */
@DisallowConcurrentExecution
public class ErpNextSyncJob extends QuartzJobBean {

    private static final Logger log = LoggerFactory.getLogger(ErpNextSyncJob.class);

    private final ErpNextSyncs syncs;

    public ErpNextSyncJob(ErpNextSyncs syncs) {
        this.syncs = syncs;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        try {
            syncs.runHere("erpnext-sync-job", SyncProgress.NONE);
        } catch (ConflictException e) {
            // a run started from the API or the command line is going on: this interval's run is that one
            log.info("ERPNext sync skipped: {}", e.getMessage());
        }
    }

    /** Only when ERPNext is enabled; the first run one interval after start-up, as every later one. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "automation.erpnext.enabled", havingValue = "true")
    static class Schedule {

        @Bean
        JobDetail erpNextSyncJob() {
            return Schedules.job(ErpNextSyncJob.class, "erpnext-sync", "Master data from ERPNext: customers, items and prices, locations, equipment, subscriptions, technicians");
        }

        @Bean
        Trigger erpNextSyncTrigger(JobDetail erpNextSyncJob, ErpNextSettings settings) {
            long interval = settings.syncInterval().toMillis();
            return TriggerBuilder.newTrigger().forJob(erpNextSyncJob).withIdentity("erpnext-sync-trigger", "automation")
                    .startAt(new Date(System.currentTimeMillis() + interval))
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(interval).repeatForever()
                            .withMisfireHandlingInstructionNextWithRemainingCount())
                    .build();
        }
    }
}
