package ca.gigafibre.automation.provisioning;

import ca.gigafibre.automation.platform.schedule.Schedules;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Trigger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** The nightly network reconciliation (Quartz). Cron: {@code automation.network.reconciliation-cron}. */
@DisallowConcurrentExecution
public class NetworkReconciliationJob extends QuartzJobBean {

    private final NetworkReconciliation reconciliation;

    public NetworkReconciliationJob(NetworkReconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        reconciliation.run();
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        JobDetail networkReconciliationJob() {
            return Schedules.job(NetworkReconciliationJob.class, "network-reconciliation",
                    "Nightly comparison of OLT and PBX states with ours");
        }

        @Bean
        Trigger networkReconciliationTrigger(JobDetail networkReconciliationJob, NetworkSettings network) {
            return Schedules.cron(networkReconciliationJob, network.reconciliationCron());
        }
    }
}
