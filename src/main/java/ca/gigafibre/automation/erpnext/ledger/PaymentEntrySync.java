package ca.gigafibre.automation.erpnext.ledger;

import ca.gigafibre.automation.adapter.erpnext.ErpNextClient.Filter;
import ca.gigafibre.automation.adapter.erpnext.ErpNextClient;
import ca.gigafibre.automation.billing.payment.NewPayment;
import ca.gigafibre.automation.billing.payment.PaymentService;
import ca.gigafibre.automation.erpnext.sync.DoctypeSync;
import ca.gigafibre.automation.platform.time.BusinessTime;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Payments received and entered in ERPNext (submitted Payment Entries, {@code Receive} from a {@code Customer}, not the
 * engine's own — no {@code custom_engine_id}): each is recorded once through {@link PaymentService} (idempotency key
 * {@code erpnext:<name>}, {@code erp_name} = its name, so it is never posted back), paid first to the invoices its
 * {@code references} name for their allocated amounts (an invoice the engine posted, or an opening receivable), the rest
 * like any payment; with every follow-up of {@code POST /api/payments}: the invoices' processes and the collections case
 * told, the reactivation decided — a customer who paid on the other side is never chased or cut for it. Runs after
 * {@link SalesInvoiceSync}, so the receivables it pays exist. One recorded and then cancelled in ERPNext (docstatus 2) is
 * reversed ({@link CancelledErpPayments}).
 */
@Component
public class PaymentEntrySync implements DoctypeSync {

    public static final String DOCTYPE = "Payment Entry";
    public static final int ORDER = 910;

    private final ErpNextClient erp;
    private final PaymentService payments;
    private final ErpCustomers customers;
    private final ErpInvoiceReferences references;
    private final ErpPaymentMethods methods;
    private final CancelledErpPayments cancelled;
    private final JdbcClient jdbc;

    public PaymentEntrySync(ErpNextClient erp, PaymentService payments, ErpCustomers customers, ErpInvoiceReferences references,
                            ErpPaymentMethods methods, CancelledErpPayments cancelled, JdbcClient jdbc) {
        this.erp = erp;
        this.payments = payments;
        this.customers = customers;
        this.references = references;
        this.methods = methods;
        this.cancelled = cancelled;
        this.jdbc = jdbc;
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
        return List.of("name", "party", "party_type", "payment_type", "paid_amount", "mode_of_payment", "reference_no", "reference_date",
                "posting_date", "docstatus", "custom_engine_id", "modified");
    }

    @Override
    public List<Filter> filters() {
        // submitted, and cancelled: a cancellation moves modified on, so the incremental sync sees it
        return List.of(Filter.in("docstatus", List.of(1, 2)), Filter.eq("payment_type", "Receive"), Filter.eq("party_type", "Customer"));
    }

    @Override
    public PageResult apply(List<ObjectNode> page) {
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        List<SyncReject> rejects = new ArrayList<>();
        for (ObjectNode entry : page) {
            String name = ErpFields.text(entry, "name");
            if (!ErpFields.postedByEngine(entry) && entry.path("docstatus").asInt() == 2) {
                if (cancelled.reverse(name)) {
                    updated++;
                } else {
                    unchanged++;   // reversed already, or cancelled before the engine recorded it
                }
                continue;
            }
            if (ErpFields.postedByEngine(entry) || recorded(name)) {
                unchanged++;   // the engine's own payment, or one already recorded (a submitted payment does not change)
                continue;
            }
            Optional<SyncReject> rejected = record(entry, name);
            if (rejected.isPresent()) {
                rejects.add(rejected.get());
            } else {
                created++;
            }
        }
        return new PageResult(created, updated, unchanged, rejects);
    }

    private Optional<SyncReject> record(ObjectNode entry, String name) {
        String party = ErpFields.text(entry, "party");
        Optional<Long> customerId = customers.idOf(party);
        if (customerId.isEmpty()) {
            return Optional.of(new SyncReject(DOCTYPE, name, "party", "no customer " + party + " in the engine"));
        }
        BigDecimal amount = ErpFields.money(entry, "paid_amount");
        if (amount.signum() <= 0) {
            return Optional.of(new SyncReject(DOCTYPE, name, "paid_amount", "must be a positive amount"));
        }
        Optional<ObjectNode> document = erp.get(DOCTYPE, name);
        if (document.isEmpty()) {
            return Optional.of(new SyncReject(DOCTYPE, name, "name", "listed but not found when read"));
        }
        List<PaymentService.Directed> directed = new ArrayList<>();
        for (JsonNode reference : document.get().path("references")) {
            BigDecimal allocated = ErpFields.money(reference, "allocated_amount");
            String invoice = ErpFields.text(reference, "reference_name");
            if (!SalesInvoiceSync.DOCTYPE.equals(ErpFields.text(reference, "reference_doctype")) || invoice == null || allocated.signum() <= 0) {
                continue;
            }
            // an invoice the engine does not have (paid in ERPNext before it was synced): that part goes to the oldest open ones
            references.invoiceOf(invoice, customerId.get()).ifPresent(id -> directed.add(new PaymentService.Directed(id, allocated)));
        }
        NewPayment payment = new NewPayment(party, amount, methods.methodOf(ErpFields.text(entry, "mode_of_payment")),
                reference(entry, name), receivedAt(entry));
        payments.record(payment, "erpnext:" + name, name, directed);
        return Optional.empty();
    }

    /** The payer's reference (cheque number …) with the ERPNext name, so people find it on both sides. */
    private static String reference(JsonNode entry, String name) {
        String payer = ErpFields.text(entry, "reference_no");
        return payer == null ? name : payer + " (" + name + ")";
    }

    /** Received on its posting date (else its reference date), at the start of that business day; now when ERPNext says neither. */
    private static OffsetDateTime receivedAt(JsonNode entry) {
        LocalDate day = ErpFields.date(entry, "posting_date");
        if (day == null) {
            day = ErpFields.date(entry, "reference_date");
        }
        return day == null ? null : day.atStartOfDay(BusinessTime.ZONE).toOffsetDateTime();
    }

    private boolean recorded(String erpName) {
        return jdbc.sql("SELECT count(*) FROM automation.payment WHERE erp_name = :name").param("name", erpName).query(Long.class).single() > 0;
    }
}
