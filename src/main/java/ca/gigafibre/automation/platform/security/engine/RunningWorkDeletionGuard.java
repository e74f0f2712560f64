package ca.gigafibre.automation.platform.security.engine;

import ca.gigafibre.automation.platform.security.GroupAuthorizations;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.ProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Nobody deletes a deployment while money or service processes of it run: with cascade it would erase charges,
 * collections cases and cuts half done; without, Camunda refuses anyway. A deployment without such instances may go
 * (deleting one at all needs DELETE on it: admins).
 */
class RunningWorkDeletionGuard {

    private static final String[] GUARDED = Stream.concat(GroupAuthorizations.MONEY_PROCESSES.stream(),
            GroupAuthorizations.SERVICE_PROCESSES.stream()).toArray(String[]::new);

    void check(String deploymentId) {
        CommandContext context = Context.getCommandContext();
        ProcessInstanceQueryImpl query = new ProcessInstanceQueryImpl();
        query.deploymentId(deploymentId).processDefinitionKeyIn(GUARDED);
        long running = context.runWithoutAuthorization(() -> query.executeCount(context));
        if (running > 0) {
            throw new RunningWorkDeletionRefused(deploymentId, running);
        }
    }
}
