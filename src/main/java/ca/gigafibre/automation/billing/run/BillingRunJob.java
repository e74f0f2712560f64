package ca.gigafibre.automation.billing.run;

import ca.gigafibre.automation.billing.BillingCutover;
import ca.gigafibre.automation.billing.BillingSettings;
import ca.gigafibre.automation.platform.schedule.Schedules;
import ca.gigafibre.automation.platform.time.BusinessTime;
import java.time.YearMonth;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Trigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * The billing run of a period as a clustered Quartz job: monthly by {@code automation.billing.run-cron} (default the 1st
 * at 06:00, the period of that day), or fired at once for the period an operator asks for ({@code POST /api/billing/runs},
 * the period in the trigger's data). Quartz runs it again on another node when its node dies in the middle
 * ({@link Schedules#job recovery}); {@link BillingRunService#execute} resumes where the run stopped.
 */
@DisallowConcurrentExecution
public class BillingRunJob extends QuartzJobBean {

    public static final JobKey KEY = JobKey.jobKey("billing-run", "automation");
    public static final String PERIOD = "period";
    private static final Logger log = LoggerFactory.getLogger(BillingRunJob.class);

    private final BillingRunService runs;
    private final BillingCutover cutover;

    public BillingRunJob(BillingRunService runs, BillingCutover cutover) {
        this.runs = runs;
        this.cutover = cutover;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        YearMonth period = periodOf(context);
        if (context.isRecovering()) {
            log.warn("Billing run {}: its node stopped in the middle; this node resumes it", period);
        }
        if (!cutover.engineBills(period)) {
            log.warn("Billing run {} not run: ERPNext bills the periods before the cut-over (automation.erpnext.cutover-period)", period);
            return;
        }
        runs.execute(period);
    }

    /** The period named by the trigger, else the month of the fire time it was scheduled for (the same when it is recovered). */
    static YearMonth periodOf(JobExecutionContext context) {
        String named = context.getMergedJobDataMap().getString(PERIOD);
        if (named != null) {
            return YearMonth.parse(named);
        }
        java.util.Date scheduled = context.getScheduledFireTime() != null ? context.getScheduledFireTime() : context.getFireTime();
        return YearMonth.from(scheduled.toInstant().atZone(BusinessTime.ZONE));
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        JobDetail billingRunJob() {
            return Schedules.job(BillingRunJob.class, KEY.getName(), "Monthly billing run: invoices and billing-collections processes");
        }

        @Bean
        Trigger billingRunTrigger(JobDetail billingRunJob, BillingSettings settings) {
            return Schedules.cron(billingRunJob, settings.runCron());
        }
    }
}
