package ca.gigafibre.automation.billing.run;

import java.time.YearMonth;
import org.quartz.JobDataMap;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Starts a billing run asked over the API in the background. Where the scheduler runs (every node in production and the
 * demo) the run is fired as the clustered Quartz job {@link BillingRunJob}, so that another node finishes it if this one
 * dies in the middle; a node whose scheduler is not started (the tests' shared engine) runs it on its own
 * {@code billingRunExecutor} thread instead, and nobody resumes it but a new request for the period.
 */
@Component
public class BillingRunLauncher {

    private static final Logger log = LoggerFactory.getLogger(BillingRunLauncher.class);

    private final Scheduler scheduler;
    private final BillingRunService runs;
    private final TaskExecutor executor;

    public BillingRunLauncher(Scheduler scheduler, BillingRunService runs, @Qualifier("billingRunExecutor") TaskExecutor executor) {
        this.scheduler = scheduler;
        this.runs = runs;
        this.executor = executor;
    }

    public void launch(YearMonth period) {
        try {
            if (scheduler.isStarted() && !scheduler.isInStandbyMode() && !scheduler.isShutdown()) {
                scheduler.triggerJob(BillingRunJob.KEY, new JobDataMap(java.util.Map.of(BillingRunJob.PERIOD, period.toString())));
                return;
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not fire the billing run of " + period + ": " + e.getMessage(), e);
        }
        log.info("Billing run {} on a local thread: the scheduler is not running on this node", period);
        executor.execute(() -> runs.execute(period));
    }
}
