package ca.gigafibre.automation.erpnext.ledger;

import ca.gigafibre.automation.adapter.erpnext.ErpNextClient.Filter;
import ca.gigafibre.automation.adapter.erpnext.ErpNextClient;
import ca.gigafibre.automation.billing.invoice.InvoiceWriter.Receivable;
import ca.gigafibre.automation.billing.invoice.InvoiceWriter.ReceivableWritten;
import ca.gigafibre.automation.billing.invoice.InvoiceWriter;
import ca.gigafibre.automation.erpnext.sync.DoctypeSync;
import ca.gigafibre.automation.platform.audit.AuditLog;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sales Invoices ERPNext issued (submitted, not returns, not the engine's own — no {@code custom_engine_id}): each one
 * still outstanding becomes an open receivable in the engine for what is outstanding ({@link OpeningReceivables}), due on
 * its {@code due_date}; it is never charged automatically and never posted back, and once overdue its account's
 * collections take it over like any other. When ERPNext later shows less outstanding than the engine has open, the
 * engine's open amount follows ({@link InvoiceWriter#writeReceivable}) — except for what ERPNext payments not yet
 * recorded here explain ({@link UnrecordedErpPayments}): those are recorded as payments by {@link PaymentEntrySync}.
 * An invoice fully paid in ERPNext before the engine first saw it is not taken at all.
 */
@Component
public class SalesInvoiceSync implements DoctypeSync {

    public static final String DOCTYPE = "Sales Invoice";
    public static final int ORDER = 900;

    private final ErpNextClient erp;
    private final InvoiceWriter writer;
    private final OpeningReceivables receivables;
    private final UnrecordedErpPayments unrecorded;
    private final ErpCustomers customers;
    private final JdbcClient jdbc;
    private final AuditLog audit;

    public SalesInvoiceSync(ErpNextClient erp, InvoiceWriter writer, OpeningReceivables receivables, UnrecordedErpPayments unrecorded,
                            ErpCustomers customers, JdbcClient jdbc, AuditLog audit) {
        this.erp = erp;
        this.writer = writer;
        this.receivables = receivables;
        this.unrecorded = unrecorded;
        this.customers = customers;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Override
    public String doctype() {
        return DOCTYPE;
    }

    @Override
    public int order() {
        return ORDER;
    }

    @Override
    public List<String> fields() {
        return List.of("name", "customer", "posting_date", "due_date", "from_date", "to_date", "docstatus", "is_return", "net_total",
                "total_taxes_and_charges", "grand_total", "outstanding_amount", "custom_engine_id", "modified");
    }

    @Override
    public List<Filter> filters() {
        return List.of(Filter.eq("docstatus", 1), Filter.eq("is_return", 0));
    }

    @Override
    public PageResult apply(List<ObjectNode> page) {
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        List<SyncReject> rejects = new ArrayList<>();
        for (ObjectNode invoice : page) {
            String name = ErpFields.text(invoice, "name");
            if (ErpFields.postedByEngine(invoice)) {
                unchanged++;   // the engine's own invoice, as it posted it
                continue;
            }
            BigDecimal outstanding = ErpFields.money(invoice, "outstanding_amount");
            Optional<Known> known = known(name);
            if (known.isPresent()) {
                if (follow(invoice, name, outstanding, known.get())) {
                    updated++;
                } else {
                    unchanged++;
                }
                continue;
            }
            if (outstanding.signum() <= 0) {
                unchanged++;   // settled in ERPNext: nothing to collect
                continue;
            }
            Optional<SyncReject> rejected = create(invoice, name, outstanding);
            if (rejected.isPresent()) {
                rejects.add(rejected.get());
            } else {
                created++;
            }
        }
        return new PageResult(created, updated, unchanged, rejects);
    }

    private Optional<SyncReject> create(ObjectNode invoice, String name, BigDecimal outstanding) {
        String customer = ErpFields.text(invoice, "customer");
        Optional<Long> customerId = customers.idOf(customer);
        if (customerId.isEmpty()) {
            return Optional.of(new SyncReject(DOCTYPE, name, "customer", "no customer " + customer + " in the engine"));
        }
        LocalDate issue = ErpFields.date(invoice, "posting_date");
        if (issue == null) {
            return Optional.of(new SyncReject(DOCTYPE, name, "posting_date", "missing or not a date"));
        }
        LocalDate due = ErpFields.date(invoice, "due_date");
        if (due == null) {
            return Optional.of(new SyncReject(DOCTYPE, name, "due_date", "missing or not a date"));
        }
        if (due.isBefore(issue)) {
            return Optional.of(new SyncReject(DOCTYPE, name, "due_date", "before the posting date " + issue));
        }
        Optional<ObjectNode> document = erp.get(DOCTYPE, name);
        if (document.isEmpty()) {
            return Optional.of(new SyncReject(DOCTYPE, name, "name", "listed but not found when read"));
        }
        ObjectNode full = document.get();
        full.setAll(invoice.deepCopy().retain("outstanding_amount", "modified"));   // the list's reading of the amount owed
        Receivable receivable = receivables.of(full, customerId.get(), outstanding, issue, due);
        ReceivableWritten written = writer.writeReceivable(receivable);
        audit.record("erpnext.receivable-synced", "invoice", written.invoiceNo(), null, Map.of("erpName", name, "customer", customer,
                "outstanding", outstanding));
        return Optional.empty();
    }

    /** @return whether the engine's open amount was lowered to follow ERPNext */
    private boolean follow(ObjectNode invoice, String name, BigDecimal outstanding, Known known) {
        if (!"open".equals(known.status()) || outstanding.compareTo(known.open()) >= 0) {
            return false;
        }
        BigDecimal toBeRecorded = unrecorded.allocatedTo(name, ErpFields.text(invoice, "customer"));
        BigDecimal target = outstanding.add(toBeRecorded);
        if (target.compareTo(known.open()) >= 0) {
            return false;
        }
        ReceivableWritten written = writer.writeReceivable(Receivable.standing(known.customerId(), name, target));
        if (written.lowered().signum() <= 0) {
            return false;
        }
        audit.record("erpnext.receivable-lowered", "invoice", written.invoiceNo(), null, Map.of("erpName", name, "lowered",
                written.lowered(), "outstandingInErpNext", outstanding, "status", written.status()));
        return true;
    }

    private Optional<Known> known(String erpName) {
        return jdbc.sql("SELECT customer_id, total - amount_paid, status FROM automation.invoice WHERE erp_name = :name")
                .param("name", erpName).query((rs, n) -> new Known(rs.getLong(1), rs.getBigDecimal(2), rs.getString(3))).optional();
    }

    private record Known(long customerId, BigDecimal open, String status) {
    }
}
