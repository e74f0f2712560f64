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
 * scheduler is not started (the tests' shared engine, a node still starting), on its own {@code shadowRunExecutor}
 * thread, holding a lease ({@link LocalRunLeases}) so that a node dying in the middle leaves a failed run, not a running one.
 */
@Component
public class ShadowRunLauncher {

    private static final Logger log = LoggerFactory.getLogger(ShadowRunLauncher.class);

    private final ClusteredJobs jobs;
    private final ShadowRunExecution execution;
    private final TaskExecutor executor;
    private final LocalRunLeases leases;

    public ShadowRunLauncher(ClusteredJobs jobs, ShadowRunExecution execution, @Qualifier("shadowRunExecutor") TaskExecutor executor,
                             LocalRunLeases leases) {
        this.jobs = jobs;
        this.execution = execution;
        this.executor = executor;
        this.leases = leases;
    }

    public void launch(long runId) {
        if (jobs.fire(ShadowRunJob.KEY, Map.of(ShadowRunJob.RUN_ID, String.valueOf(runId)), "shadow run #" + runId)) {
            return;
        }
        log.info("Shadow run #{} on a local thread: the scheduler is not running on this node", runId);
        leases.take(runId);
        try {
            executor.execute(() -> {
                try {
                    execution.execute(runId);
                } finally {
                    leases.release(runId);
                }
            });
        } catch (TaskRejectedException e) {
            leases.release(runId);
            execution.fail(runId, "too many shadow runs queued; ask again later");
        }
    }
}
