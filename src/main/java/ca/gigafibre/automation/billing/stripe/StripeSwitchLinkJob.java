package ca.gigafibre.automation.billing.stripe;

import ca.gigafibre.automation.billing.BillingSettings;
import ca.gigafibre.automation.platform.schedule.Schedules;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * Every {@code automation.billing.stripe-switch.interval} (Quartz, clustered): card links asked for outside the
 * notification window go out once it opens; switches whose link expired unused end (PPA left as it was).
 */
@DisallowConcurrentExecution
public class StripeSwitchLinkJob extends QuartzJobBean {

    private final StripeSwitchService switches;

    public StripeSwitchLinkJob(StripeSwitchService switches) {
        this.switches = switches;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        switches.sendScheduledLinks();
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        JobDetail stripeSwitchLinkJob() {
            return Schedules.job(StripeSwitchLinkJob.class, "stripe-switch-links", "Card links waiting for the notification window; expired switches");
        }

        @Bean
        Trigger stripeSwitchLinkTrigger(JobDetail stripeSwitchLinkJob,
                                        BillingSettings settings) {
            return TriggerBuilder.newTrigger().forJob(stripeSwitchLinkJob).withIdentity("stripe-switch-links-trigger", "automation")
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(settings.stripeSwitch().interval().toMillis()).repeatForever()
                            .withMisfireHandlingInstructionNextWithRemainingCount())
                    .build();
        }
    }
}
