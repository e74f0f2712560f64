package ca.gigafibre.automation.billing.invoice;

import ca.gigafibre.automation.customer.CustomerNo;
import ca.gigafibre.automation.customer.CustomerRepository;
import ca.gigafibre.automation.platform.audit.AuditLog;
import ca.gigafibre.automation.platform.error.InvalidRequestException;
import ca.gigafibre.automation.platform.error.NotFoundException;
import ca.gigafibre.automation.platform.time.BusinessTime;
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
    private final InvoiceWriter writer;

    public InvoiceService(JdbcClient jdbc, CustomerRepository customers, AuditLog audit, InvoiceWriter writer) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.audit = audit;
        this.writer = writer;
    }

    /** A fee outside the tax base (e.g. a returned payment), due on the usual terms; it is charged and collected like any invoice. */
    @Transactional
    public String createFee(long customerId, String description, BigDecimal amount) {
        InvoiceWriter.Written fee = writer.write(InvoiceDraft.of(customerId, BusinessTime.today(),
                List.of(InvoiceLine.untaxed("FEE-RETURNED", description, amount))));
        audit.record("invoice.created", "invoice", fee.invoiceNo(), "fee", Map.of("total", amount));
        return fee.invoiceNo();
    }

    /** {@code POST /api/invoices}: a manual invoice, due when the request says. */
    @Transactional
    public InvoiceView create(NewInvoice request) {
        long customerId = customers.idOf(CustomerNo.of(request.customerId()), "customerId");
        if (request.dueDate().isBefore(request.issueDate())) {
            throw new InvalidRequestException("dueDate", "must not be before issueDate " + request.issueDate());
        }
        InvoiceWriter.Written written = writer.write(InvoiceDraft.of(customerId, request.issueDate(), lines(request.lines()))
                .dueOn(request.dueDate()));
        InvoiceView view = get(written.id());
        audit.record("invoice.created", "invoice", view.id(), "manual invoice", Map.of("customer", request.customerId(), "total", view.total()));
        return view;
    }

    /** An invoice issued today on the usual terms (e.g. a technician's labour and parts). */
    @Transactional
    public InvoiceView issueToday(CustomerNo customerNo, List<NewInvoiceLine> lines, String reason) {
        long customerId = customers.idOf(customerNo, "customerId");
        InvoiceView view = get(writer.write(InvoiceDraft.of(customerId, BusinessTime.today(), lines(lines))).id());
        audit.record("invoice.created", "invoice", view.id(), reason, Map.of("customer", customerNo.value(), "total", view.total()));
        return view;
    }

    private static List<InvoiceLine> lines(List<NewInvoiceLine> requested) {
        return requested.stream().map(l -> InvoiceLine.of(l.sku(), l.description(), l.quantity(), l.unitPrice())).toList();
    }

    @Transactional(readOnly = true)
    public InvoiceView get(String invoiceNo) {
        long id = jdbc.sql("SELECT id FROM automation.invoice WHERE invoice_no = :no").param("no", invoiceNo)
                .query(Long.class).optional().orElseThrow(() -> new NotFoundException("Invoice", invoiceNo, "id"));
        return get(id);
    }

    InvoiceView get(long invoiceId) {
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
