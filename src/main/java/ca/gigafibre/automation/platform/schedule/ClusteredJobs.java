package ca.gigafibre.automation.platform.schedule;

import java.util.Map;
import org.quartz.JobDataMap;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.stereotype.Component;

/**
 * Long work asked over the API (a billing run, a shadow run) goes to a clustered Quartz job where this node's scheduler
 * runs — every node in production and the demo — so another node finishes it when this one dies in the middle. A node
 * whose scheduler is not started (the tests' shared engine) gets {@code false} and runs the work on a thread of its own,
 * which nobody resumes.
 */
@Component
public class ClusteredJobs {

    private final Scheduler scheduler;

    public ClusteredJobs(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** @return true when fired as the clustered job; false when this node's scheduler is not running */
    public boolean fire(JobKey job, Map<String, String> data, String what) {
        try {
            if (scheduler.isStarted() && !scheduler.isInStandbyMode() && !scheduler.isShutdown()) {
                scheduler.triggerJob(job, new JobDataMap(data));
                return true;
            }
            return false;
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not fire " + what + ": " + e.getMessage(), e);
        }
    }
}
