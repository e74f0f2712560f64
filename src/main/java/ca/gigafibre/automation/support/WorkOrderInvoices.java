package ca.gigafibre.automation.support;

import ca.gigafibre.automation.customer.CustomerNo;
import ca.gigafibre.automation.billing.invoice.InvoiceService;
import ca.gigafibre.automation.billing.invoice.InvoiceView;
import ca.gigafibre.automation.billing.invoice.NewInvoiceLine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The invoice of a billable visit: each technician's hours at their hourly rate, the parts at their price, TPS and TVQ —
 * an ordinary invoice, so it is charged, sent and collected by its own {@code billing-collections}. Once per work order.
 */
@Service
public class WorkOrderInvoices {

    private final JdbcClient jdbc;
    private final WorkOrders workOrders;
    private final InvoiceService invoices;

    public WorkOrderInvoices(JdbcClient jdbc, WorkOrders workOrders, InvoiceService invoices) {
        this.jdbc = jdbc;
        this.workOrders = workOrders;
        this.invoices = invoices;
    }

    @Transactional
    public String invoice(String workOrderNo) {
        WorkOrderView order = workOrders.get(workOrderNo);
        if (order.invoiceId() != null) {
            return order.invoiceId();
        }
        List<NewInvoiceLine> lines = new ArrayList<>();
        for (WorkOrderView.Technician t : order.technicians()) {
            BigDecimal rate = jdbc.sql("SELECT hourly_rate FROM automation.technician WHERE technician_no = :no").param("no", t.technicianId())
                    .query(BigDecimal.class).single();
            lines.add(new NewInvoiceLine("TECH-HR", "Main-d'œuvre / Labour — " + t.name() + " (" + workOrderNo + ")", t.hours(), rate));
        }
        for (WorkOrderView.Part p : order.parts()) {
            lines.add(new NewInvoiceLine(p.sku(), p.description() + " (" + workOrderNo + ")", p.quantity(), p.unitPrice()));
        }
        InvoiceView invoice = invoices.issueToday(CustomerNo.of(order.customerId()), lines, "labour invoice of " + workOrderNo);
        jdbc.sql("""
                UPDATE automation.work_order SET billable = true, subtotal = :subtotal, tps = :tps, tvq = :tvq, total = :total,
                    invoice_id = (SELECT id FROM automation.invoice WHERE invoice_no = :invoice)
                WHERE work_order_no = :no
                """).param("subtotal", invoice.subtotal()).param("tps", invoice.tps()).param("tvq", invoice.tvq()).param("total", invoice.total())
                .param("invoice", invoice.id()).param("no", workOrderNo).update();
        return invoice.id();
    }
}
