package ca.gigafibre.automation.collections.casework;

import ca.gigafibre.automation.collections.OverdueReminderFacts;
import ca.gigafibre.automation.customer.CustomerNo;
import ca.gigafibre.automation.customer.CustomerRepository;
import ca.gigafibre.automation.notification.Bilingual;
import ca.gigafibre.automation.notification.CustomerMessages;
import ca.gigafibre.automation.platform.text.Money;
import ca.gigafibre.automation.platform.time.BusinessHours;
import ca.gigafibre.automation.platform.time.BusinessTime;
import ca.gigafibre.automation.rules.DecisionResult;
import ca.gigafibre.automation.rules.RecordedDecisions;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code account-collections / Task_SendOverdueReminder}: one reminder for the whole account (every overdue invoice),
 * decided right before it goes by {@code rules/overdue-reminder.drl} on the account as it is now (the decision logged),
 * so a paid account, one with a running arrangement or one already suspended gets no message. Sent once per case and
 * reminder number (notification ledger); plans the next one on the DMN interval, in the notification window.
 */
@Component("sendOverdueReminder")
public class SendOverdueReminderDelegate implements JavaDelegate {

    static final String AREA = "overdue-reminder";
    private static final String SEND = "SEND";

    private final JdbcClient jdbc;
    private final CustomerRepository customers;
    private final CustomerMessages messages;
    private final BusinessHours hours;
    private final RecordedDecisions decisions;

    public SendOverdueReminderDelegate(JdbcClient jdbc, CustomerRepository customers, CustomerMessages messages, BusinessHours hours,
                                       RecordedDecisions decisions) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.messages = messages;
        this.hours = hours;
        this.decisions = decisions;
    }

    private record Overdue(BigDecimal amount, int invoices, LocalDate oldestDue, boolean arrangementOpen, boolean suspended) {
    }

    @Override
    public void execute(DelegateExecution execution) {
        String customerNo = (String) execution.getVariable("customerId");
        long customerId = customers.idOf(CustomerNo.of(customerNo), "customerId");
        int left = ((Number) execution.getVariable("remindersLeft")).intValue();
        Overdue overdue = jdbc.sql("""
                SELECT coalesce(sum(i.total - i.amount_paid), 0), count(i.id), min(i.due_date),
                       exists(SELECT 1 FROM automation.payment_arrangement a WHERE a.customer_id = :id AND a.status = 'open'),
                       exists(SELECT 1 FROM automation.open_suspension s WHERE s.customer_id = :id)
                FROM automation.overdue_invoice(:today) i WHERE i.customer_id = :id
                """).param("id", customerId).param("today", BusinessTime.today())
                .query((rs, n) -> new Overdue(rs.getBigDecimal(1), rs.getInt(2), rs.getObject(3, LocalDate.class), rs.getBoolean(4),
                        rs.getBoolean(5))).single();
        String key = "overdue-reminder:" + execution.getVariable("caseId") + ":" + left;
        DecisionResult decision = decisions.decide(AREA, new OverdueReminderFacts(customerNo, overdue.amount(), overdue.arrangementOpen(),
                overdue.suspended()), customerId, key, execution.getProcessInstanceId());
        if (SEND.equals(decision.outcome())) {
            messages.send(key, customerId, "overdue-reminder", new Bilingual(
                    "TARGO : un solde de " + Money.french(overdue.amount()) + " est dû depuis le "
                            + overdue.oldestDue().format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.CANADA_FRENCH)) + " (" + overdue.invoices()
                            + " facture(s)). Merci de le régler pour éviter une interruption de service.",
                    "TARGO: a balance of " + Money.english(overdue.amount()) + " has been due since "
                            + overdue.oldestDue().format(DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.CANADA)) + " (" + overdue.invoices()
                            + " invoice(s)). Please pay it to avoid an interruption of service."));
        }
        execution.setVariable("remindersLeft", left - 1);
        LocalDate next = BusinessTime.today().plus(Period.parse((String) execution.getVariable("reminderInterval")));
        execution.setVariable("nextReminderAt", hours.notificationOn(next));
    }
}
