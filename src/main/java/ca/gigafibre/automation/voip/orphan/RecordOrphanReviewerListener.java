package ca.gigafibre.automation.voip.orphan;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Completion of the 911 audit review: keeps who completed it ({@code reviewedBy}), because the deregistration runs
 * afterwards as a job, where nobody is logged in, and the audit log must name the person who decided it.
 */
@Component("recordOrphanReviewer")
public class RecordOrphanReviewerListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        CommandContext command = Context.getCommandContext();
        String authenticated = command == null ? null : command.getAuthenticatedUserId();
        task.getExecution().setVariable("reviewedBy", authenticated != null ? authenticated
                : task.getAssignee() != null ? task.getAssignee() : "?");
    }
}
