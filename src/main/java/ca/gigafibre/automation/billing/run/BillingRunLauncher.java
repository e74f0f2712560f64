package ca.gigafibre.automation.billing.run;

import ca.gigafibre.automation.platform.schedule.ClusteredJobs;
import java.time.YearMonth;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Starts a billing run asked over the API in the background: as the clustered Quartz job {@link BillingRunJob}, so that
 * another node finishes it if this one dies in the middle ({@link ClusteredJobs}); on a node whose scheduler is not
 * started (the tests' shared engine), on its own {@code billingRunExecutor} thread, which nobody resumes but a new request
 * for the period.
 */
@Component
public class BillingRunLauncher {

    private static final Logger log = LoggerFactory.getLogger(BillingRunLauncher.class);

    private final ClusteredJobs jobs;
    private final BillingRunService runs;
    private final TaskExecutor executor;

    public BillingRunLauncher(ClusteredJobs jobs, BillingRunService runs, @Qualifier("billingRunExecutor") TaskExecutor executor) {
        this.jobs = jobs;
        this.runs = runs;
        this.executor = executor;
    }

    public void launch(YearMonth period) {
        if (jobs.fire(BillingRunJob.KEY, Map.of(BillingRunJob.PERIOD, period.toString()), "the billing run of " + period)) {
            return;
        }
        log.info("Billing run {} on a local thread: the scheduler is not running on this node", period);
        executor.execute(() -> runs.execute(period));
    }
}
