package ca.gigafibre.automation.billing;

import ca.gigafibre.automation.customer.CustomerRepository;
import ca.gigafibre.automation.platform.audit.AuditLog;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first invoice of newly activated subscriptions: one-time items in full, monthly plans pro rata from the activation
 * day to the end of its month, annual plans for their first year — the same arithmetic as the billing run
 * ({@link SubscriptionCharges}), so the next run bills from the day after and nothing is billed twice or lost.
 */
@Service
public class FirstInvoices {

    private final JdbcClient jdbc;
    private final CustomerRepository customers;
    private final PaymentService payments;
    private final InvoiceService invoices;
    private final AuditLog audit;
    private final int dueDays;

    public FirstInvoices(JdbcClient jdbc, CustomerRepository customers, PaymentService payments, InvoiceService invoices, AuditLog audit,
                         @Value("${automation.billing.due-days:21}") int dueDays) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.payments = payments;
        this.invoices = invoices;
        this.audit = audit;
        this.dueDays = dueDays;
    }

    /** @return the invoice id (INV-…); its {@code billing-collections} is started with it when something is owed */
    @Transactional
    public String issue(long customerId, List<Long> subscriptionIds, LocalDate activation, String reason) {
        List<BillableSubscription> subscriptions = jdbc.sql("""
                SELECT s.id, s.customer_id, p.sku, p.name_fr, s.quantity, s.unit_price, s.billing_frequency, s.start_date, s.end_date,
                       s.billed_through
                FROM automation.subscription s JOIN automation.plan p ON p.id = s.plan_id
                WHERE s.id IN (:ids) AND s.billed_through IS NULL ORDER BY s.id
                """).param("ids", subscriptionIds)
                .query((rs, n) -> new BillableSubscription(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        rs.getBigDecimal(6), rs.getString(7), rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class),
                        rs.getObject(10, LocalDate.class)))
                .list();
        YearMonth period = YearMonth.from(activation);
        List<Object[]> lines = new ArrayList<>();
        for (BillableSubscription s : subscriptions) {
            SubscriptionCharges.Due due = SubscriptionCharges.at(s, period, (from, to) -> BigDecimal.ZERO);
            for (SubscriptionCharges.Line l : due.lines()) {
                lines.add(new Object[] {s, l});
            }
            jdbc.sql("UPDATE automation.subscription SET billed_through = :through WHERE id = :id")
                    .param("through", due.billedThrough()).param("id", s.id()).update();
        }
        BigDecimal subtotal = lines.stream().map(l -> ((SubscriptionCharges.Line) l[1]).amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        QuebecTaxes taxes = QuebecTaxes.on(subtotal);
        long invoiceId = jdbc.sql("""
                INSERT INTO automation.invoice (customer_id, issue_date, due_date, period_start, period_end, subtotal, tps, tvq, total, status)
                VALUES (:customer, :issue, :due, :issue, :end, :subtotal, :tps, :tvq, :total, :status) RETURNING id
                """)
                .param("customer", customerId).param("issue", activation).param("due", activation.plusDays(dueDays))
                .param("end", period.atEndOfMonth()).param("subtotal", taxes.subtotal()).param("tps", taxes.tps()).param("tvq", taxes.tvq())
                .param("total", taxes.total()).param("status", taxes.total().signum() <= 0 ? "paid" : "open")
                .query(Long.class).single();
        int lineNo = 1;
        for (Object[] pair : lines) {
            BillableSubscription s = (BillableSubscription) pair[0];
            SubscriptionCharges.Line l = (SubscriptionCharges.Line) pair[1];
            jdbc.sql("""
                    INSERT INTO automation.invoice_line (invoice_id, line_no, subscription_id, sku, description, quantity, unit_price, amount,
                        billing_frequency, period_start, period_end)
                    VALUES (:invoice, :no, :subscription, :sku, :description, :quantity, :price, :amount, :frequency, :from, :to)
                    """)
                    .param("invoice", invoiceId).param("no", lineNo++).param("subscription", s.id()).param("sku", s.sku())
                    .param("description", l.note() == null ? s.description() : s.description() + " — " + l.note())
                    .param("quantity", l.quantity()).param("price", l.unitPrice()).param("amount", l.amount()).param("frequency", s.frequency())
                    .param("from", l.from()).param("to", l.to()).update();
        }
        payments.applyCredit(customerId);
        InvoiceView invoice = invoices.get(jdbc.sql("SELECT invoice_no FROM automation.invoice WHERE id = :id").param("id", invoiceId)
                .query(String.class).single());
        if ("open".equals(invoice.status())) {
            invoices.enterBillingCollections(invoice.id(), customers.customerNoOf(customerId), invoice.dueDate());
        }
        audit.record("invoice.created", "invoice", invoice.id(), reason, Map.of("total", invoice.total(), "subscriptions", subscriptionIds));
        return invoice.id();
    }
}
