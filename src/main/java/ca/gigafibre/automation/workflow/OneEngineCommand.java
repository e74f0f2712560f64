package ca.gigafibre.automation.workflow;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Runs many engine calls as one engine command: calls made inside share its command context, so the engine writes what
 * they all created in one flush (its JDBC batches) instead of one flush per call. Camunda has no public API for this;
 * a nested service call reusing the surrounding command context is how its own commands compose. Joins the caller's
 * transaction like any engine call.
 */
@Component
public class OneEngineCommand {

    private final ProcessEngineConfigurationImpl configuration;

    public OneEngineCommand(ProcessEngine engine) {
        this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    public void run(Runnable calls) {
        configuration.getCommandExecutorTxRequired().execute(commandContext -> {
            calls.run();
            return null;
        });
    }
}
