package ca.gigafibre.automation.erpnext.outbox;

import ca.gigafibre.automation.erpnext.ErpNextSettings;
import ca.gigafibre.automation.platform.schedule.Schedules;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** The relay (Quartz, clustered: one node at a time) every {@code automation.erpnext.outbox-interval}, only when enabled. */
@DisallowConcurrentExecution
public class OutboxRelayJob extends QuartzJobBean {

    private final OutboxRelay relay;
    private final ErpNextSettings settings;

    public OutboxRelayJob(OutboxRelay relay, ErpNextSettings settings) {
        this.relay = relay;
        this.settings = settings;
    }

    /** Passes in a row while they move entries (a billing run's thousands drain at once, not a pass per interval). */
    static final int MAX_PASSES = 100;

    /** The job stays in the clustered store once scheduled: switched off later, it does nothing. */
    @Override
    protected void executeInternal(JobExecutionContext context) {
        OutboxRelay.Result pass;
        int passes = 0;
        do {
            if (!settings.enabled()) {
                return;
            }
            pass = relay.run();
            passes++;
        } while (pass.sent() > 0 && pass.later() == 0 && passes < MAX_PASSES);   // ERPNext down (later): wait for the next interval
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "automation.erpnext.enabled", havingValue = "true")
    static class Schedule {

        @Bean
        JobDetail erpNextOutboxJob() {
            return Schedules.job(OutboxRelayJob.class, "erpnext-outbox", "The engine's documents posted to ERPNext, in order per customer");
        }

        /** Every interval; a pass missed while no node was up runs once when one is back. */
        @Bean
        Trigger erpNextOutboxTrigger(JobDetail erpNextOutboxJob, ErpNextSettings settings) {
            return TriggerBuilder.newTrigger().forJob(erpNextOutboxJob).withIdentity("erpnext-outbox-trigger", "automation")
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(settings.outboxInterval().toMillis())
                            .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount())
                    .build();
        }
    }
}
