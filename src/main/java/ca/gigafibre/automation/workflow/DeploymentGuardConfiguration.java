package ca.gigafibre.automation.workflow;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A deployed model is code: the deployment guard ({@link DeploymentGuard} on every resource, {@link GuardedBpmnParse}
 * inside Camunda's BPMN parse) lets an analyst deploy what the project's own models use and refuses the rest.
 */
@Configuration(proxyBeanMethods = false)
class DeploymentGuardConfiguration {

    @Bean
    ProcessEnginePlugin deploymentGuard(ApplicationContext context) {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                BpmnGuard bpmn = new BpmnGuard(new ExpressionPolicy(new ExpressionBeans(context)));
                configuration.setBpmnParseFactory(parser -> new GuardedBpmnParse(parser, bpmn));
                List<Deployer> preDeployers = configuration.getCustomPreDeployers() == null
                        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreDeployers());
                preDeployers.add(new DeploymentGuard());
                configuration.setCustomPreDeployers(preDeployers);
            }
        };
    }
}
