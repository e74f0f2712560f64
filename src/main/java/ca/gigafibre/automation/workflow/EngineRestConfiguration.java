package ca.gigafibre.automation.workflow;

import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Camunda's engine REST, plus our answer to files it cannot parse ({@link UnparsableDeploymentMapper}). */
@Configuration(proxyBeanMethods = false)
public class EngineRestConfiguration {

    @Bean
    CamundaJerseyResourceConfig engineRest() {
        return new CamundaJerseyResourceConfig() {
            @Override
            protected void registerAdditionalResources() {
                register(UnparsableDeploymentMapper.class);
            }
        };
    }
}
