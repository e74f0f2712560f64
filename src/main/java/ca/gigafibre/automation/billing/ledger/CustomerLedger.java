package ca.gigafibre.automation.billing.ledger;

import ca.gigafibre.automation.customer.CustomerNo;
import ca.gigafibre.automation.customer.CustomerRepository;
import ca.gigafibre.automation.platform.time.BusinessTime;
import ca.gigafibre.automation.platform.web.Paged;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's invoices and payments, newest first in a stable order (issue date then id; received instant then id), by
 * page with the total count: {@code GET /api/customers/{id}/invoices} and {@code /payments}, and Customer 360's latest.
 */
@Service
public class CustomerLedger {

    private final JdbcClient jdbc;
    private final CustomerRepository customers;

    public CustomerLedger(JdbcClient jdbc, CustomerRepository customers) {
        this.jdbc = jdbc;
        this.customers = customers;
    }

    public record InvoiceLine(String id, LocalDate issueDate, LocalDate dueDate, BigDecimal total, BigDecimal amountPaid,
                              BigDecimal amountDue, String status) {
    }

    public record PaymentLine(String id, OffsetDateTime receivedAt, BigDecimal amount, String method, String reference,
                              BigDecimal reversedAmount) {
    }

    @Transactional(readOnly = true)
    public Paged<InvoiceLine> invoices(CustomerNo customerNo, int page, int size) {
        return invoices(customers.idOf(customerNo, "id"), page, size);
    }

    @Transactional(readOnly = true)
    public Paged<PaymentLine> payments(CustomerNo customerNo, int page, int size) {
        return payments(customers.idOf(customerNo, "id"), page, size);
    }

    Paged<InvoiceLine> invoices(long customerId, int page, int size) {
        long total = jdbc.sql("SELECT count(*) FROM automation.invoice WHERE customer_id = :id").param("id", customerId)
                .query(Long.class).single();
        List<InvoiceLine> items = total == 0 ? List.of() : jdbc.sql("""
                SELECT invoice_no, issue_date, due_date, total, amount_paid, status FROM automation.invoice
                WHERE customer_id = :id ORDER BY issue_date DESC, id DESC LIMIT :size OFFSET :offset
                """).param("id", customerId).param("size", size).param("offset", Paged.offset(page, size))
                .query((rs, n) -> new InvoiceLine(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class),
                        rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(4).subtract(rs.getBigDecimal(5)), rs.getString(6)))
                .list();
        return new Paged<>(items, page, size, total);
    }

    Paged<PaymentLine> payments(long customerId, int page, int size) {
        long total = jdbc.sql("SELECT count(*) FROM automation.payment WHERE customer_id = :id").param("id", customerId)
                .query(Long.class).single();
        List<PaymentLine> items = total == 0 ? List.of() : jdbc.sql("""
                SELECT payment_no, received_at, amount, method, reference, reversed_amount FROM automation.payment
                WHERE customer_id = :id ORDER BY received_at DESC, id DESC LIMIT :size OFFSET :offset
                """).param("id", customerId).param("size", size).param("offset", Paged.offset(page, size))
                .query((rs, n) -> new PaymentLine(rs.getString(1), BusinessTime.read(rs, "received_at"), rs.getBigDecimal(3),
                        rs.getString(4), rs.getString(5), rs.getBigDecimal(6)))
                .list();
        return new Paged<>(items, page, size, total);
    }
}
