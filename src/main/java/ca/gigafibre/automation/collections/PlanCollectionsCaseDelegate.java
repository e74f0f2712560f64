package ca.gigafibre.automation.collections;

import ca.gigafibre.automation.platform.time.BusinessHours;
import ca.gigafibre.automation.platform.time.BusinessTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code account-collections / Task_PlanCase}: how many overdue reminders and how far apart (the analysts' DMN
 * {@code overdue-reminders}), the first one at the next notification window, and when a person reviews a write-off.
 */
@Component("planCollectionsCase")
public class PlanCollectionsCaseDelegate implements JavaDelegate {

    private final DecisionService dmn;
    private final JdbcClient jdbc;
    private final BusinessHours hours;
    private final CollectionsCaseSettings settings;

    public PlanCollectionsCaseDelegate(DecisionService dmn, JdbcClient jdbc, BusinessHours hours, CollectionsCaseSettings settings) {
        this.dmn = dmn;
        this.jdbc = jdbc;
        this.hours = hours;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean commercial = jdbc.sql("SELECT is_commercial FROM automation.customer WHERE customer_no = :no")
                .param("no", execution.getVariable("customerId")).query(Boolean.class).single();
        Map<String, Object> plan = dmn.evaluateDecisionTableByKey("overdue-reminders", Map.of("commercial", commercial)).getSingleResult();
        execution.setVariable("remindersLeft", 1 + ((Number) plan.get("followUps")).intValue());
        execution.setVariable("reminderInterval", plan.get("interval").toString());
        execution.setVariable("nextReminderAt", hours.nextNotificationDate());
        execution.setVariable("writeOffReviewAt", Date.from(BusinessTime.now().plus(settings.writeOffReviewAfter()).toInstant()));
    }
}
