package ca.gigafibre.automation.billing;

import ca.gigafibre.automation.customer.CustomerRepository;
import ca.gigafibre.automation.platform.audit.AuditLog;
import ca.gigafibre.automation.platform.error.InvalidRequestException;
import ca.gigafibre.automation.platform.error.NotFoundException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class InvoiceService {

    private final JdbcClient jdbc;
    private final CustomerRepository customers;
    private final AuditLog audit;
    private final org.camunda.bpm.engine.RuntimeService runtime;
    private final int dueDays;
    private final PaymentService credit;

    public InvoiceService(JdbcClient jdbc, CustomerRepository customers, AuditLog audit, org.camunda.bpm.engine.RuntimeService runtime,
                          @org.springframework.beans.factory.annotation.Value("${automation.billing.due-days:21}") int dueDays,
                          PaymentService credit) {
        this.credit = credit;
        this.jdbc = jdbc;
        this.customers = customers;
        this.audit = audit;
        this.runtime = runtime;
        this.dueDays = dueDays;
    }

    /** A fee outside the tax base (e.g. a returned payment), due on the usual terms; it is charged and collected like any invoice. */
    @Transactional
    public String createFee(long customerId, String description, BigDecimal amount) {
        java.time.LocalDate today = ca.gigafibre.automation.platform.time.BusinessTime.today();
        long invoiceId = jdbc.sql("""
                INSERT INTO automation.invoice (customer_id, issue_date, due_date, subtotal, tps, tvq, total, status)
                VALUES (:customer, :issue, :due, :amount, 0, 0, :amount, 'open') RETURNING id
                """).param("customer", customerId).param("issue", today).param("due", today.plusDays(dueDays)).param("amount", amount)
                .query(Long.class).single();
        jdbc.sql("""
                INSERT INTO automation.invoice_line (invoice_id, line_no, sku, description, quantity, unit_price, amount)
                VALUES (:invoice, 1, 'FEE-RETURNED', :description, 1, :amount, :amount)
                """).param("invoice", invoiceId).param("description", description).param("amount", amount).update();
        credit.applyCredit(customerId);
        InvoiceView view = get(invoiceId);
        if ("open".equals(view.status())) {
            enterBillingCollections(view.id(), customers.customerNoOf(customerId), view.dueDate());
        }
        audit.record("invoice.created", "invoice", view.id(), "fee", Map.of("total", amount));
        return view.id();
    }

    /** Every invoice, manual or fee, is charged, sent and collected by its own billing-collections, started with it. */
    void enterBillingCollections(String invoiceNo, String customerNo, java.time.LocalDate dueDate) {
        runtime.startProcessInstanceByKey("billing-collections", invoiceNo, Map.of("invoiceId", invoiceNo, "customerId", customerNo,
                "dueDate", ca.gigafibre.automation.platform.time.BusinessTime.startOf(dueDate.plusDays(1))));
    }

    @Transactional
    public InvoiceView create(NewInvoice request) {
        long customerId = customers.idOf(request.customerId(), "customerId");
        if (request.dueDate().isBefore(request.issueDate())) {
            throw new InvalidRequestException("dueDate", "must not be before issueDate " + request.issueDate());
        }
        BigDecimal subtotal = request.lines().stream().map(NewInvoiceLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        QuebecTaxes taxes = QuebecTaxes.on(subtotal);
        long invoiceId = jdbc.sql("""
                INSERT INTO automation.invoice (customer_id, issue_date, due_date, subtotal, tps, tvq, total, status)
                VALUES (:customer, :issue, :due, :subtotal, :tps, :tvq, :total, :status)
                RETURNING id
                """)
                .param("customer", customerId)
                .param("issue", request.issueDate())
                .param("due", request.dueDate())
                .param("subtotal", taxes.subtotal())
                .param("tps", taxes.tps())
                .param("tvq", taxes.tvq())
                .param("total", taxes.total())
                .param("status", taxes.total().signum() == 0 ? "paid" : "open")
                .query(Long.class).single();
        int lineNo = 1;
        for (NewInvoiceLine line : request.lines()) {
            jdbc.sql("""
                    INSERT INTO automation.invoice_line (invoice_id, line_no, sku, description, quantity, unit_price, amount)
                    VALUES (:invoice, :no, :sku, :description, :quantity, :price, :amount)
                    """)
                    .param("invoice", invoiceId).param("no", lineNo++).param("sku", line.sku())
                    .param("description", line.description()).param("quantity", line.quantity())
                    .param("price", line.unitPrice()).param("amount", line.amount())
                    .update();
        }
        credit.applyCredit(customerId);
        InvoiceView view = get(invoiceId);
        if ("open".equals(view.status())) {
            enterBillingCollections(view.id(), request.customerId(), request.dueDate());
        }
        audit.record("invoice.created", "invoice", view.id(), "manual invoice", Map.of("customer", request.customerId(), "total", view.total()));
        return view;
    }

    @Transactional(readOnly = true)
    public InvoiceView get(String invoiceNo) {
        long id = jdbc.sql("SELECT id FROM automation.invoice WHERE invoice_no = :no").param("no", invoiceNo)
                .query(Long.class).optional().orElseThrow(() -> new NotFoundException("Invoice", invoiceNo, "id"));
        return get(id);
    }

    private InvoiceView get(long invoiceId) {
        List<InvoiceView.Line> lines = jdbc.sql("""
                SELECT line_no, sku, description, quantity, unit_price, amount FROM automation.invoice_line
                WHERE invoice_id = :id ORDER BY line_no
                """)
                .param("id", invoiceId)
                .query((rs, n) -> new InvoiceView.Line(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5), rs.getBigDecimal(6)))
                .list();
        return jdbc.sql("""
                SELECT i.invoice_no, c.customer_no, i.issue_date, i.due_date, i.subtotal, i.tps, i.tvq, i.total, i.amount_paid, i.status
                FROM automation.invoice i JOIN automation.customer c ON c.id = i.customer_id WHERE i.id = :id
                """)
                .param("id", invoiceId)
                .query((rs, n) -> new InvoiceView(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class), lines, rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7),
                        rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getBigDecimal(8).subtract(rs.getBigDecimal(9)),
                        rs.getString(10)))
                .single();
    }
}
