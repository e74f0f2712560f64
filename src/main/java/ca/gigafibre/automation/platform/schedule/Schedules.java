package ca.gigafibre.automation.platform.schedule;

import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

/** Quartz job + cron trigger pairs in Montreal time: every calendar job of the engine is declared through this. */
public final class Schedules {

    private Schedules() {
    }

    /**
     * A durable job that Quartz runs again on another node when the node running it dies (clustered job store: the other
     * nodes notice the missed check-in, {@code org.quartz.jobStore.clusterCheckinInterval}, and fire it again). Every
     * calendar job of the engine is safe to run again: the billing run resumes where it stopped, the sweep opens nothing
     * twice, the audit and the reconciliation only read and report.
     */
    public static JobDetail job(Class<? extends Job> type, String name, String description) {
        return JobBuilder.newJob(type).withIdentity(name, "automation").withDescription(description).storeDurably()
                .requestRecovery(true).build();
    }

    /** Misfires (node down at the hour) run once when the scheduler is back, not once per missed slot. */
    public static Trigger cron(JobDetail job, String cron) {
        return TriggerBuilder.newTrigger().forJob(job).withIdentity(job.getKey().getName() + "-trigger", "automation")
                .withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(TimeZone.getTimeZone("America/Montreal"))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }
}
