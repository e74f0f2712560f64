package ca.gigafibre.automation.billing;

import ca.gigafibre.automation.platform.schedule.Schedules;
import ca.gigafibre.automation.platform.time.BusinessTime;
import java.time.YearMonth;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Trigger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** The monthly billing run of the current period (Quartz; {@code automation.billing.run-cron}, default the 1st at 06:00). */
@DisallowConcurrentExecution
public class BillingRunJob extends QuartzJobBean {

    private final BillingRunService runs;

    public BillingRunJob(BillingRunService runs) {
        this.runs = runs;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        runs.execute(YearMonth.from(BusinessTime.today()));
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        JobDetail billingRunJob() {
            return Schedules.job(BillingRunJob.class, "billing-run", "Monthly billing run: invoices and billing-collections processes");
        }

        @Bean
        Trigger billingRunTrigger(JobDetail billingRunJob, @Value("${automation.billing.run-cron:0 0 6 1 * ?}") String cron) {
            return Schedules.cron(billingRunJob, cron);
        }
    }
}
