package ca.gigafibre.automation.billing;

import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Execution listener of {@code Task_SendOverdueReminder}: the analysts' DMN {@code overdue-reminders} sets how many
 * follow-up reminders go out and how far apart, as the cycle of the reminder timer ({@code reminderCycle}, e.g. R2/P7D).
 */
@Component("planReminders")
public class PlanRemindersDelegate implements JavaDelegate {

    private final DecisionService dmn;
    private final JdbcClient jdbc;

    public PlanRemindersDelegate(DecisionService dmn, JdbcClient jdbc) {
        this.dmn = dmn;
        this.jdbc = jdbc;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean commercial = jdbc.sql("SELECT is_commercial FROM automation.customer WHERE customer_no = :no")
                .param("no", execution.getVariable("customerId")).query(Boolean.class).single();
        Map<String, Object> plan = dmn.evaluateDecisionTableByKey("overdue-reminders", Map.of("commercial", commercial)).getSingleResult();
        execution.setVariable("reminderCycle", "R" + ((Number) plan.get("followUps")).intValue() + "/" + plan.get("interval"));
    }
}
