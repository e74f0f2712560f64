package ca.gigafibre.automation.billing.ledger;

import ca.gigafibre.automation.customer.CustomerNo;
import ca.gigafibre.automation.customer.Customer360Part;
import ca.gigafibre.automation.customer.CustomerRepository;
import ca.gigafibre.automation.platform.time.BusinessTime;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a customer owes, as of the business clock's today. Also the "balance" part of Customer 360. */
@Service
public class BalanceService implements Customer360Part {

    private final JdbcClient jdbc;
    private final CustomerRepository customers;

    public BalanceService(JdbcClient jdbc, CustomerRepository customers) {
        this.jdbc = jdbc;
        this.customers = customers;
    }

    @Transactional(readOnly = true)
    public Balance of(CustomerNo customerNo) {
        return of(customers.idOf(customerNo, "id"), customerNo.value());
    }

    @Override
    public String key() {
        return "balance";
    }

    @Override
    public Object describe(long customerId) {
        return of(customerId, customers.customerNoOf(customerId));
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.HALF_UP);
    }

    private Balance of(long customerId, String customerNo) {
        LocalDate today = BusinessTime.today();
        List<Balance.OpenInvoice> open = jdbc.sql("""
                SELECT invoice_no, issue_date, due_date, total, total - amount_paid FROM automation.invoice
                WHERE customer_id = :id AND status = 'open' ORDER BY due_date, id
                """)
                .param("id", customerId)
                .query((rs, n) -> new Balance.OpenInvoice(rs.getString(1), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class), rs.getBigDecimal(4), rs.getBigDecimal(5)))
                .list();
        BigDecimal credit = jdbc.sql("""
                SELECT coalesce(sum(p.amount - p.reversed_amount), 0) - coalesce((SELECT sum(a.amount) FROM automation.payment_allocation a
                    JOIN automation.payment p2 ON p2.id = a.payment_id WHERE p2.customer_id = :id), 0)
                FROM automation.payment p WHERE p.customer_id = :id AND p.reversed_at IS NULL
                """)
                .param("id", customerId).query(BigDecimal.class).single();
        BigDecimal due = open.stream().map(Balance.OpenInvoice::amountDue).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal overdue = jdbc.sql("SELECT coalesce(sum(total - amount_paid), 0) FROM automation.overdue_invoice(:today) WHERE customer_id = :id")
                .param("today", today).param("id", customerId).query(BigDecimal.class).single();
        LocalDate oldest = open.stream().map(Balance.OpenInvoice::dueDate).findFirst().orElse(null);
        return new Balance(customerNo, "CAD", money(due.subtract(credit)), money(overdue), money(credit), oldest, open);
    }
}
