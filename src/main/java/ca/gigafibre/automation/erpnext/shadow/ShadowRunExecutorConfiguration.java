package ca.gigafibre.automation.erpnext.shadow;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Where the scheduler does not run on this node ({@link ShadowRunLauncher}), shadow runs only read and report: one
 * background thread of their own, so they never queue behind (or ahead of) a real run.
 */
@Configuration(proxyBeanMethods = false)
class ShadowRunExecutorConfiguration {

    @Bean(name = "shadowRunExecutor", destroyMethod = "shutdown")
    ThreadPoolTaskExecutor shadowRunExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("shadow-run-");
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setQueueCapacity(8);
        return executor;
    }
}
