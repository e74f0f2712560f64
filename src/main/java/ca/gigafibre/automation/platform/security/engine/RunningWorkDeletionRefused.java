package ca.gigafibre.automation.platform.security.engine;

import org.camunda.bpm.engine.BadUserRequestException;

/** A deployment still running money or service processes (409 on the engine REST; Cockpit shows the message). */
public class RunningWorkDeletionRefused extends BadUserRequestException {

    private final long running;

    RunningWorkDeletionRefused(String deploymentId, long running) {
        super("Deployment " + deploymentId + " has " + running + " running instance(s) of money or service processes: it cannot be deleted"
                + " (with or without cascade) until they end");
        this.running = running;
    }

    public long running() {
        return running;
    }
}
