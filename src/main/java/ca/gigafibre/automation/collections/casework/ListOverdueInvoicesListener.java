package ca.gigafibre.automation.collections.casework;

import ca.gigafibre.automation.customer.CustomerNo;
import ca.gigafibre.automation.collections.CollectionsSettings;
import ca.gigafibre.automation.customer.CustomerRepository;
import ca.gigafibre.automation.platform.text.Money;
import ca.gigafibre.automation.platform.time.BusinessTime;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Create listener of {@code account-collections-negotiation / UserTask_NegotiateArrangement} (and of the write-off
 * review in {@code account-collections-suspension}): the task lists every overdue invoice of the account and their
 * total, as they stand when the task appears, and notes when the suspension rules will be asked if no arrangement is
 * made.
 */
@Component("listOverdueInvoices")
public class ListOverdueInvoicesListener implements TaskListener {

    private final JdbcClient jdbc;
    private final CustomerRepository customers;
    private final CollectionsSettings settings;

    public ListOverdueInvoicesListener(JdbcClient jdbc, CustomerRepository customers, CollectionsSettings settings) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.settings = settings;
    }

    private record Line(String invoice, LocalDate due, BigDecimal owed) {
    }

    @Override
    public void notify(DelegateTask task) {
        long customerId = customers.idOf(CustomerNo.of((String) task.getVariable("customerId")), "customerId");
        List<Line> lines = jdbc.sql("""
                SELECT invoice_no, due_date, total - amount_paid FROM automation.overdue_invoice(:today)
                WHERE customer_id = :id ORDER BY due_date, id
                """).param("id", customerId).param("today", BusinessTime.today())
                .query((rs, n) -> new Line(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getBigDecimal(3))).list();
        BigDecimal total = lines.stream().map(Line::owed).reduce(BigDecimal.ZERO, BigDecimal::add);
        StringBuilder text = new StringBuilder();
        for (Line line : lines) {
            text.append(line.invoice()).append(" — échéance (due) ").append(line.due()).append(" — ").append(Money.french(line.owed())).append('\n');
        }
        task.setVariable("overdueInvoices", text.toString().strip());
        task.setVariable("overdueInvoiceCount", lines.size());
        task.setVariable("overdueTotalText", Money.french(total));
        task.setVariable("suspensionReviewAt", Date.from(BusinessTime.now().plus(settings.suspensionReviewAfter()).toInstant()));
    }
}
