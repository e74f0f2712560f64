package ca.gigafibre.automation.collections.casework;

import ca.gigafibre.automation.collections.CollectionsSettings;
import ca.gigafibre.automation.platform.time.BusinessHours;
import ca.gigafibre.automation.platform.time.BusinessTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code account-collections / Task_PlanCase} starts: the fact its DMN {@code overdue-reminders} needs (is the account
 * commercial?), the first reminder at the next notification window, and when a person reviews a write-off. The
 * business-rule task then decides how many reminders and how far apart.
 */
@Component("prepareReminderPlan")
public class PrepareReminderPlanListener implements ExecutionListener {

    private final JdbcClient jdbc;
    private final BusinessHours hours;
    private final CollectionsSettings settings;

    public PrepareReminderPlanListener(JdbcClient jdbc, BusinessHours hours, CollectionsSettings settings) {
        this.jdbc = jdbc;
        this.hours = hours;
        this.settings = settings;
    }

    @Override
    public void notify(DelegateExecution execution) {
        boolean commercial = jdbc.sql("SELECT is_commercial FROM automation.customer WHERE customer_no = :no")
                .param("no", execution.getVariable("customerId")).query(Boolean.class).single();
        execution.setVariable("commercial", commercial);
        execution.setVariable("nextReminderAt", hours.nextNotificationDate());
        execution.setVariable("writeOffReviewAt", Date.from(BusinessTime.now().plus(settings.writeOffReviewAfter()).toInstant()));
    }
}
