package ca.gigafibre.automation.platform.security.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantCommandChecker;
import org.springframework.stereotype.Component;

/**
 * Puts {@link GuardedCommandChecker} where Camunda's own authorization checker is: every command that deletes a
 * deployment or completes a task asks it, whether it came from the engine REST, Cockpit, Tasklist or Java.
 */
@Component
public class EngineGuardsPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandChecker> checkers = new ArrayList<>();
        checkers.add(new TenantCommandChecker());
        checkers.add(new GuardedCommandChecker(new RunningWorkDeletionGuard(), new TaskFormFieldGuard(new DeployedFormFields())));
        configuration.setCommandCheckers(checkers);
    }
}
