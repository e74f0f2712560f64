package ca.gigafibre.automation.erpnext.outbox;

import ca.gigafibre.automation.erpnext.ErpNextSettings;
import ca.gigafibre.automation.platform.time.BusinessTime;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The ledger documents as ERPNext books them ({@code contracts/erpnext.md}, "What the engine writes"), read from the
 * engine's rows when they are sent. An invoice is a submitted Sales Invoice with the engine's lines and its TPS and TVQ as
 * two {@code On Net Total} rows; a credit note (or a negative invoice) is a return ({@code is_return}, negative quantities,
 * {@code return_against} the credited invoice when there is one); a payment is a {@code Receive} Payment Entry with its
 * allocations as references; money a processor took back is a {@code Pay} Payment Entry to the customer (it raises the
 * receivable again, as the engine reopens the invoices), and money given back (a dispute won) a {@code Receive} one.
 */
@Component
public class LedgerPayloads {

    public static final BigDecimal TPS_RATE = new BigDecimal("5");
    public static final BigDecimal TVQ_RATE = new BigDecimal("9.975");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;
    private final ErpNames names;
    private final ErpNextSettings.Booking booking;

    public LedgerPayloads(JdbcClient jdbc, ErpNames names, ErpNextSettings settings) {
        this.jdbc = jdbc;
        this.names = names;
        this.booking = settings.booking();
    }

    public ObjectNode salesInvoice(String invoiceNo) {
        record Invoice(long id, String customerNo, LocalDate issue, LocalDate due, LocalDate from, LocalDate to, BigDecimal tps,
                       BigDecimal tvq, BigDecimal total, String creditedInvoiceNo) {
        }
        Invoice invoice = jdbc.sql("""
                SELECT i.id, c.customer_no, i.issue_date, i.due_date, i.period_start, i.period_end, i.tps, i.tvq, i.total, credited.invoice_no
                FROM automation.invoice i JOIN automation.customer c ON c.id = i.customer_id
                LEFT JOIN automation.invoice credited ON credited.id = i.credit_note_for WHERE i.invoice_no = :no
                """).param("no", invoiceNo)
                .query((rs, n) -> new Invoice(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class),
                        rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getBigDecimal(7), rs.getBigDecimal(8),
                        rs.getBigDecimal(9), rs.getString(10))).single();
        boolean isReturn = invoice.creditedInvoiceNo() != null || invoice.total().signum() < 0;
        ObjectNode doc = JSON.createObjectNode();
        doc.put("customer", names.customer(invoice.customerNo()));
        doc.put("company", booking.company());
        doc.put("posting_date", invoice.issue().toString());
        doc.put("set_posting_time", 1);
        doc.put("due_date", invoice.due().toString());
        putDate(doc, "from_date", invoice.from());
        putDate(doc, "to_date", invoice.to());
        doc.put("debit_to", booking.receivableAccount());
        doc.put("currency", "CAD");
        doc.put("docstatus", 1);
        if (isReturn) {
            doc.put("is_return", 1);
            if (invoice.creditedInvoiceNo() != null) {
                doc.put("return_against", names.invoice(invoice.creditedInvoiceNo()));
            }
        }
        ArrayNode items = doc.putArray("items");
        jdbc.sql("""
                SELECT sku, description, quantity, unit_price, amount, billing_frequency, period_start, period_end
                FROM automation.invoice_line WHERE invoice_id = :id ORDER BY line_no
                """).param("id", invoice.id()).query(rs -> {
            ObjectNode item = items.addObject();
            if (rs.getString("sku") != null) {
                item.put("item_code", rs.getString("sku"));
            }
            item.put("item_name", rs.getString("description"));
            item.put("description", describe(rs.getString("description"), rs.getObject("period_start", LocalDate.class),
                    rs.getObject("period_end", LocalDate.class)));
            BigDecimal quantity = rs.getBigDecimal("quantity").abs();
            BigDecimal rate = rs.getBigDecimal("unit_price").abs();
            // a return books negative quantities at positive rates; a discount line of an invoice keeps its negative rate
            item.put("qty", isReturn ? quantity.negate() : rs.getBigDecimal("quantity"));
            item.put("rate", isReturn ? rate : rs.getBigDecimal("unit_price"));
            item.put("amount", rs.getBigDecimal("amount"));
            item.put("custom_billing_frequency", frequency(rs.getString("billing_frequency")));
        });
        ArrayNode taxes = doc.putArray("taxes");
        tax(taxes, "TPS", booking.tpsAccount(), TPS_RATE, invoice.tps());
        tax(taxes, "TVQ", booking.tvqAccount(), TVQ_RATE, invoice.tvq());
        doc.put("grand_total", invoice.total());
        advances(doc, invoice.id());
        doc.put("custom_engine_id", invoiceNo);
        return doc;
    }

    /**
     * What credit already on the account paid of the invoice ({@code from_credit} allocations): ERPNext books it as the
     * invoice's advances against the Payment Entries that left the credit, so its outstanding amount is the engine's. Only
     * its own, never the automatic allocation of whatever else ERPNext holds unallocated.
     */
    private void advances(ObjectNode doc, long invoiceId) {
        record Advance(String paymentNo, String erpName, BigDecimal allocated, BigDecimal unallocatedBefore) {
        }
        List<Advance> advances = jdbc.sql("""
                SELECT p.payment_no, p.erp_name, sum(a.amount),
                       p.amount - (SELECT coalesce(sum(o.amount), 0) FROM automation.payment_allocation o
                                   WHERE o.payment_id = p.id AND (NOT o.from_credit OR o.id < min(a.id)))
                FROM automation.payment_allocation a JOIN automation.payment p ON p.id = a.payment_id
                WHERE a.invoice_id = :id AND a.from_credit AND p.method <> 'credit-note'
                GROUP BY p.id ORDER BY min(a.id)
                """).param("id", invoiceId)
                .query((rs, n) -> new Advance(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4))).list();
        doc.put("allocate_advances_automatically", 0);
        if (advances.isEmpty()) {
            return;
        }
        ArrayNode rows = doc.putArray("advances");
        for (Advance advance : advances) {
            names.paymentEntry(advance.paymentNo(), advance.erpName()).ifPresent(entry -> {
                ObjectNode row = rows.addObject();
                row.put("reference_type", ErpOutbox.PAYMENT_ENTRY);
                row.put("reference_name", entry);
                row.put("advance_amount", advance.unallocatedBefore());
                row.put("allocated_amount", advance.allocated());
                row.put("remarks", "Crédit au compte / Account credit (" + advance.paymentNo() + ")");
            });
        }
    }

    public ObjectNode paymentEntry(String paymentNo) {
        record Payment(String customerNo, OffsetDateTime received, BigDecimal amount, String method, String reference) {
        }
        Payment payment = jdbc.sql("""
                SELECT c.customer_no, p.received_at, p.amount, p.method, p.reference FROM automation.payment p
                JOIN automation.customer c ON c.id = p.customer_id WHERE p.payment_no = :no
                """).param("no", paymentNo)
                .query((rs, n) -> new Payment(rs.getString(1), BusinessTime.read(rs, "received_at"), rs.getBigDecimal(3), rs.getString(4),
                        rs.getString(5))).single();
        ObjectNode doc = entry("Receive", payment.customerNo(), payment.received().toLocalDate(), payment.amount(), payment.method(),
                payment.reference() == null ? paymentNo : payment.reference());
        ArrayNode references = doc.putArray("references");
        for (Allocation allocation : allocationsWhenPosted(paymentNo)) {
            ObjectNode reference = references.addObject();
            reference.put("reference_doctype", ErpOutbox.SALES_INVOICE);
            reference.put("reference_name", names.invoice(allocation.invoiceNo()));
            reference.put("allocated_amount", allocation.amount());
        }
        doc.put("custom_engine_id", paymentNo);
        return doc;
    }

    private record Allocation(String invoiceNo, BigDecimal amount) {
    }

    /**
     * The allocations the outbox took when the payment was recorded (every queued Payment Entry has them, V75); credit
     * applied later to other invoices is not this document's (those invoices carry it as advances, and must not hold it back).
     */
    private List<Allocation> allocationsWhenPosted(String paymentNo) {
        String snapshot = jdbc.sql("""
                SELECT snapshot::text FROM automation.erp_outbox WHERE doctype = :doctype AND action = 'create' AND engine_id = :no
                """).param("doctype", ErpOutbox.PAYMENT_ENTRY).param("no", paymentNo).query(String.class).optional().filter(Objects::nonNull)
                .orElseThrow(() -> new IllegalStateException("Payment Entry " + paymentNo + " has no allocation snapshot in the outbox"));
        List<Allocation> allocations = new ArrayList<>();
        try {
            for (JsonNode allocation : JSON.readTree(snapshot)) {
                allocations.add(new Allocation(allocation.path("invoice").asText(), allocation.path("amount").decimalValue()));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable allocation snapshot of " + paymentNo, e);
        }
        return allocations;
    }

    /** {@code REV-<payment_reversal id>}: taken back → Pay, given back → Receive. */
    public ObjectNode reversal(String engineId) {
        long reversalId = Long.parseLong(engineId.substring(OutboxDocuments.REVERSAL_PREFIX.length()));
        record Reversal(String customerNo, String paymentNo, String method, BigDecimal amount, String kind, String reason, String sourceRef,
                        OffsetDateTime appliedAt) {
        }
        Reversal r = jdbc.sql("""
                SELECT c.customer_no, p.payment_no, p.method, r.amount, r.kind, r.reason, r.source_ref, r.applied_at
                FROM automation.payment_reversal r JOIN automation.payment p ON p.id = r.payment_id
                JOIN automation.customer c ON c.id = p.customer_id WHERE r.id = :id
                """).param("id", reversalId)
                .query((rs, n) -> new Reversal(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), BusinessTime.read(rs, "applied_at"))).single();
        boolean takenBack = r.amount().signum() > 0;
        ObjectNode doc = entry(takenBack ? "Pay" : "Receive", r.customerNo(), r.appliedAt().toLocalDate(), r.amount().abs(), r.method(),
                r.sourceRef());
        doc.put("remarks", r.kind() + (r.reason() == null ? "" : ": " + r.reason()) + " (" + r.paymentNo() + ")");
        doc.put("custom_engine_id", engineId);
        return doc;
    }

    /**
     * A submitted Payment Entry with the customer on the receivable side and, on the other, the bank or cash account of the
     * payment method ({@code automation.erpnext.booking.payment-accounts}): received money goes to it, money given back leaves it.
     */
    private ObjectNode entry(String type, String customerNo, LocalDate date, BigDecimal amount, String method, String reference) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("payment_type", type);
        doc.put("party_type", "Customer");
        doc.put("party", names.customer(customerNo));
        doc.put("company", booking.company());
        doc.put("posting_date", date.toString());
        doc.put("mode_of_payment", booking.modesOfPayment().get(method));
        String bankAccount = booking.paymentAccounts().get(method);
        boolean received = "Receive".equals(type);
        doc.put("paid_from", received ? booking.receivableAccount() : bankAccount);
        doc.put("paid_to", received ? bankAccount : booking.receivableAccount());
        doc.put("paid_amount", amount);
        doc.put("received_amount", amount);
        doc.put("reference_no", reference);
        doc.put("reference_date", date.toString());
        doc.put("docstatus", 1);
        return doc;
    }

    static void tax(ArrayNode taxes, String description, String account, BigDecimal rate, BigDecimal amount) {
        ObjectNode tax = taxes.addObject();
        tax.put("charge_type", "On Net Total");
        tax.put("account_head", account);
        tax.put("description", description);
        tax.put("rate", rate);
        tax.put("tax_amount", amount);
    }

    static String frequency(String engineFrequency) {
        return switch (engineFrequency == null ? "one-time" : engineFrequency) {
            case "monthly" -> "Monthly";
            case "annual" -> "Annual";
            default -> "One-time";
        };
    }

    private static String describe(String description, LocalDate from, LocalDate to) {
        return from == null || to == null || description.contains(from.toString()) ? description : description + " (" + from + " – " + to + ")";
    }

    private static void putDate(ObjectNode doc, String field, LocalDate day) {
        if (day != null) {
            doc.put(field, day.toString());
        }
    }
}
