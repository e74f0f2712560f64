package ca.gigafibre.automation.workflow;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Restricts what BPMN expressions can reach to {@link ExpressionBeans}, instead of every bean of the application. */
@Configuration(proxyBeanMethods = false)
class ExpressionBeansConfiguration {

    @Bean
    ProcessEnginePlugin onlyDelegatesInExpressions(ApplicationContext context) {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                ExpressionBeans beans = new ExpressionBeans(context);
                configuration.setBeans(beans);   // scripts too: no resolver of every Spring bean
                // the Spring factory already made an expression manager over the whole context: replace it
                configuration.setExpressionManager(new SpringExpressionManager(context, beans));
            }
        };
    }
}
