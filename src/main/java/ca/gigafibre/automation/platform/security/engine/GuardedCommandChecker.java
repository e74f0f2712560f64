package ca.gigafibre.automation.platform.security.engine;

import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/** Camunda's authorization checks, then ours where permissions alone cannot say it: deleting running work, forged task fields. */
class GuardedCommandChecker extends AuthorizationCommandChecker {

    private final RunningWorkDeletionGuard deletions;
    private final TaskFormFieldGuard taskFields;

    GuardedCommandChecker(RunningWorkDeletionGuard deletions, TaskFormFieldGuard taskFields) {
        this.deletions = deletions;
        this.taskFields = taskFields;
    }

    @Override
    public void checkDeleteDeployment(String deploymentId) {
        super.checkDeleteDeployment(deploymentId);
        deletions.check(deploymentId);
    }

    @Override
    public void checkTaskWork(TaskEntity task) {
        super.checkTaskWork(task);
        taskFields.check(task);
    }
}
