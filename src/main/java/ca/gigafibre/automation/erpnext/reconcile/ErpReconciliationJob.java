package ca.gigafibre.automation.erpnext.reconcile;

import ca.gigafibre.automation.erpnext.ErpNextSettings;
import ca.gigafibre.automation.platform.schedule.Schedules;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Trigger;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * The nightly ERPNext reconciliation (Quartz, clustered), scheduled only when ERPNext is on ({@code automation.erpnext.enabled}).
 * Cron: {@code automation.erpnext.reconciliation-cron}.
 */
@DisallowConcurrentExecution
public class ErpReconciliationJob extends QuartzJobBean {

    private final ErpReconciliation reconciliation;
    private final ErpNextSettings settings;

    public ErpReconciliationJob(ErpReconciliation reconciliation, ErpNextSettings settings) {
        this.reconciliation = reconciliation;
        this.settings = settings;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        if (settings.enabled()) {   // a trigger stored while it was on still fires once it is switched off
            reconciliation.run();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "automation.erpnext.enabled", havingValue = "true")
    static class Schedule {

        @Bean
        JobDetail erpReconciliationJob() {
            return Schedules.job(ErpReconciliationJob.class, "erpnext-reconciliation",
                    "Nightly comparison of the engine's invoices and payments with ERPNext's");
        }

        @Bean
        Trigger erpReconciliationTrigger(JobDetail erpReconciliationJob, ErpNextSettings settings) {
            return Schedules.cron(erpReconciliationJob, settings.reconciliationCron());
        }
    }
}
