package ca.gigafibre.automation.billing.run;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Where no scheduler runs ({@link BillingRunLauncher}), billing runs asked over the API run on one managed thread: a second
 * request queues behind the first, and a shutdown waits for the run in progress (a run cut short resumes where it stopped:
 * it is written and started in chunks).
 */
@Configuration(proxyBeanMethods = false)
class BillingRunExecutorConfiguration {

    @Bean(name = "billingRunExecutor", destroyMethod = "shutdown")
    ThreadPoolTaskExecutor billingRunExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("billing-run-");
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setQueueCapacity(12);
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(120);
        return executor;
    }
}
