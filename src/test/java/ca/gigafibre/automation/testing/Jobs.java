package ca.gigafibre.automation.testing;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Runs the due jobs of the processes of one business key (and their called processes, which share it), as the
 * job executor would, but in the test's thread: deterministic, no sleeps. Failures are recorded, not thrown,
 * so retries and incidents can be asserted.
 */
@Component
public class Jobs {

    private final ManagementService management;
    private final RuntimeService runtime;

    public Jobs(ManagementService management, RuntimeService runtime) {
        this.management = management;
        this.runtime = runtime;
    }

    /** @return the failures, in order (empty when every job succeeded) */
    public List<Exception> runDue(String... businessKeys) {
        List<Exception> failures = new ArrayList<>();
        for (int round = 0; round < 100; round++) {
            List<Job> due = new ArrayList<>();
            for (String key : businessKeys) {
                due.addAll(dueJobs(key));
            }
            if (due.isEmpty()) {
                return failures;
            }
            for (Job job : due) {
                try {
                    management.executeJob(job.getId());
                } catch (Exception e) {
                    failures.add(e);
                }
            }
        }
        throw new IllegalStateException("Jobs of " + List.of(businessKeys) + " still due after 100 rounds: a loop in the process?");
    }

    /** Executes one job even if not due yet (a retry scheduled later, a timer). */
    public void force(Job job) {
        management.executeJob(job.getId());
    }

    public List<Job> jobs(String businessKey) {
        List<Job> jobs = new ArrayList<>();
        for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list()) {
            jobs.addAll(management.createJobQuery().processInstanceId(instance.getId()).list());
        }
        return jobs;
    }

    public List<org.camunda.bpm.engine.runtime.Incident> incidents(String businessKey) {
        List<org.camunda.bpm.engine.runtime.Incident> incidents = new ArrayList<>();
        for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list()) {
            incidents.addAll(runtime.createIncidentQuery().processInstanceId(instance.getId()).list());
        }
        return incidents;
    }

    private List<Job> dueJobs(String businessKey) {
        List<Job> due = new ArrayList<>();
        for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).active().list()) {
            due.addAll(management.createJobQuery().processInstanceId(instance.getId()).executable().list());
        }
        return due;
    }
}
