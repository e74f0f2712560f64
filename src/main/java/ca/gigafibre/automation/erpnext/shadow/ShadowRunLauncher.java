package ca.gigafibre.automation.erpnext.shadow;

import java.util.Map;
import org.quartz.JobDataMap;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.stereotype.Component;

/**
 * Computes a shadow run in the background. Where the scheduler runs (every node in production and the demo) the run is
 * fired as the clustered Quartz job {@link ShadowRunJob}, so another node finishes it when this one dies in the middle
 * and its status never stays {@code running}; a node whose scheduler is not started (the tests' shared engine) computes
 * it on its own {@code shadowRunExecutor} thread instead — as {@code billing.run.BillingRunLauncher} does for real runs.
 */
@Component
public class ShadowRunLauncher {

    private static final Logger log = LoggerFactory.getLogger(ShadowRunLauncher.class);

    private final Scheduler scheduler;
    private final ShadowRunExecution execution;
    private final TaskExecutor executor;

    public ShadowRunLauncher(Scheduler scheduler, ShadowRunExecution execution, @Qualifier("shadowRunExecutor") TaskExecutor executor) {
        this.scheduler = scheduler;
        this.execution = execution;
        this.executor = executor;
    }

    public void launch(long runId) {
        try {
            if (scheduler.isStarted() && !scheduler.isInStandbyMode() && !scheduler.isShutdown()) {
                scheduler.triggerJob(ShadowRunJob.KEY, new JobDataMap(Map.of(ShadowRunJob.RUN_ID, String.valueOf(runId))));
                return;
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not fire shadow run #" + runId + ": " + e.getMessage(), e);
        }
        log.info("Shadow run #{} on a local thread: the scheduler is not running on this node", runId);
        try {
            executor.execute(() -> execution.execute(runId));
        } catch (TaskRejectedException e) {
            execution.fail(runId, "too many shadow runs queued; ask again later");
        }
    }
}
