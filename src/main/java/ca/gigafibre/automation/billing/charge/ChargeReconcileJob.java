package ca.gigafibre.automation.billing.charge;

import ca.gigafibre.automation.billing.BillingSettings;
import ca.gigafibre.automation.platform.schedule.Schedules;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** The charge reconciler (Quartz, clustered) every {@code automation.billing.charge-reconcile-interval}, default 5 minutes. */
@DisallowConcurrentExecution
public class ChargeReconcileJob extends QuartzJobBean {

    private static final Logger log = LoggerFactory.getLogger(ChargeReconcileJob.class);

    private final ChargeReconciler reconciler;

    public ChargeReconcileJob(ChargeReconciler reconciler) {
        this.reconciler = reconciler;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        ChargeReconciler.Result result = reconciler.run();
        if (result.booked() + result.settled() + result.returned() + result.closed() + result.failed() > 0) {
            log.info("Charge reconciliation: {}", result);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        JobDetail chargeReconcileJob() {
            return Schedules.job(ChargeReconcileJob.class, "charge-reconcile", "Charges the processor took that no process books any more");
        }

        /** Every interval; a run missed while no node was up runs once when one is back. */
        @Bean
        Trigger chargeReconcileTrigger(JobDetail chargeReconcileJob,
                                       BillingSettings settings) {
            return TriggerBuilder.newTrigger().forJob(chargeReconcileJob).withIdentity("charge-reconcile-trigger", "automation")
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(settings.chargeReconcileInterval().toMillis()).repeatForever()
                            .withMisfireHandlingInstructionNextWithRemainingCount())
                    .build();
        }
    }
}
