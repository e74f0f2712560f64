package ca.gigafibre.automation.erpnext.shadow;

import ca.gigafibre.automation.platform.schedule.ClusteredJobs;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.stereotype.Component;

/**
 * Computes a shadow run in the background: as the clustered Quartz job {@link ShadowRunJob}, so another node finishes it
 * when this one dies in the middle and its status never stays {@code running} ({@link ClusteredJobs}); on a node whose
 * scheduler is not started (the tests' shared engine), on its own {@code shadowRunExecutor} thread.
 */
@Component
public class ShadowRunLauncher {

    private static final Logger log = LoggerFactory.getLogger(ShadowRunLauncher.class);

    private final ClusteredJobs jobs;
    private final ShadowRunExecution execution;
    private final TaskExecutor executor;

    public ShadowRunLauncher(ClusteredJobs jobs, ShadowRunExecution execution, @Qualifier("shadowRunExecutor") TaskExecutor executor) {
        this.jobs = jobs;
        this.execution = execution;
        this.executor = executor;
    }

    public void launch(long runId) {
        if (jobs.fire(ShadowRunJob.KEY, Map.of(ShadowRunJob.RUN_ID, String.valueOf(runId)), "shadow run #" + runId)) {
            return;
        }
        log.info("Shadow run #{} on a local thread: the scheduler is not running on this node", runId);
        try {
            executor.execute(() -> execution.execute(runId));
        } catch (TaskRejectedException e) {
            execution.fail(runId, "too many shadow runs queued; ask again later");
        }
    }
}
