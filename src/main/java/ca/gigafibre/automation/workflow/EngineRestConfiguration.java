package ca.gigafibre.automation.workflow;

import ca.gigafibre.automation.platform.security.engine.RunningWorkDeletionProblem;
import ca.gigafibre.automation.platform.security.engine.TaskFieldsProblem;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Camunda's engine REST, plus our answers to files it cannot parse and to the engine guards' refusals (problem JSON). */
@Configuration(proxyBeanMethods = false)
public class EngineRestConfiguration {

    @Bean
    CamundaJerseyResourceConfig engineRest() {
        return new CamundaJerseyResourceConfig() {
            @Override
            protected void registerAdditionalResources() {
                register(UnparsableDeploymentMapper.class);
                register(RunningWorkDeletionProblem.class);
                register(TaskFieldsProblem.class);
            }
        };
    }
}
