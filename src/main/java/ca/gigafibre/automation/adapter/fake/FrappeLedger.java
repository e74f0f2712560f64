package ca.gigafibre.automation.adapter.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/**
 * What ERPNext's accounts do with the ledger documents: a Sales Invoice's totals and {@code outstanding_amount}
 * (= {@code grand_total}), a submitted Payment Entry lowering the invoices it references (status Paid / Partly Paid), a
 * submitted return lowering its {@code return_against}, a submitted invoice's {@code advances} lowering its own
 * outstanding amount and becoming references of the Payment Entries they name (their {@code unallocated_amount} less);
 * cancelling undoes it. Amounts of a submitted document never change.
 */
final class FrappeLedger {

    /** Fields a submitted document keeps (ERPNext: {@code UpdateAfterSubmitError}). */
    private static final Set<String> FROZEN_AFTER_SUBMIT = Set.of("customer", "party", "party_type", "is_return", "return_against",
            "posting_date", "items", "taxes", "references", "net_total", "total", "total_taxes_and_charges", "grand_total",
            "rounded_total", "base_grand_total", "paid_amount", "received_amount", "outstanding_amount", "discount_amount", "advances");

    private static final Set<String> ROW_BOOKKEEPING = Set.of("name", "idx", "parent", "parentfield", "parenttype", "doctype",
            "docstatus", "creation", "modified", "owner", "modified_by");

    private final BiFunction<String, String, ObjectNode> find;
    private final BiConsumer<String, ObjectNode> touched;

    /**
     * @param find    a stored document by doctype and name (null when absent)
     * @param touched called after the ledger changed a stored document, so its {@code modified} moves on
     */
    FrappeLedger(BiFunction<String, String, ObjectNode> find, BiConsumer<String, ObjectNode> touched) {
        this.find = find;
        this.touched = touched;
    }

    /** Totals and outstanding amount of a new Sales Invoice, as ERPNext computes them when they are not given. */
    void completeInvoice(ObjectNode invoice) {
        BigDecimal net = BigDecimal.ZERO;
        for (JsonNode row : invoice.path("items")) {
            ObjectNode item = (ObjectNode) row;
            if (!item.hasNonNull("amount")) {
                item.put("amount", money(decimal(item, "qty", BigDecimal.ONE).multiply(decimal(item, "rate", BigDecimal.ZERO))));
            }
            net = net.add(decimal(item, "amount", BigDecimal.ZERO));
        }
        if (!invoice.hasNonNull("net_total")) {
            invoice.put("net_total", money(net));
        }
        BigDecimal taxes = BigDecimal.ZERO;
        for (JsonNode row : invoice.path("taxes")) {
            ObjectNode tax = (ObjectNode) row;
            if (!tax.hasNonNull("tax_amount")) {
                tax.put("tax_amount", money(decimal(invoice, "net_total", net).multiply(decimal(tax, "rate", BigDecimal.ZERO))
                        .divide(BigDecimal.valueOf(100))));
            }
            taxes = taxes.add(decimal(tax, "tax_amount", BigDecimal.ZERO));
        }
        if (!invoice.hasNonNull("total_taxes_and_charges")) {
            invoice.put("total_taxes_and_charges", money(taxes));
        }
        if (!invoice.hasNonNull("grand_total")) {
            invoice.put("grand_total", money(decimal(invoice, "net_total", net).add(decimal(invoice, "total_taxes_and_charges", taxes))));
        }
        if (!invoice.hasNonNull("outstanding_amount")) {
            invoice.put("outstanding_amount", invoice.path("is_return").asInt(0) == 1 ? 0.0 : money(decimal(invoice, "grand_total", net)));
        }
        if (!invoice.hasNonNull("status")) {
            invoice.put("status", invoiceStatus(invoice));
        }
    }

    /**
     * Refuses what ERPNext refuses on submit: a payment allocating more than an invoice's outstanding amount, an advance
     * allocating more than its Payment Entry has unallocated or more than the invoice's total.
     */
    void checkSubmit(String doctype, ObjectNode document) {
        if (doctype.equals("Sales Invoice")) {
            checkAdvances(document);
            return;
        }
        if (!doctype.equals("Payment Entry")) {
            return;
        }
        for (JsonNode reference : document.path("references")) {
            ObjectNode invoice = referencedInvoice(reference);
            if (invoice != null && decimal(reference, "allocated_amount", BigDecimal.ZERO)
                    .compareTo(decimal(invoice, "outstanding_amount", BigDecimal.ZERO)) > 0) {
                throw FrappeError.validation("Row #" + reference.path("idx").asInt(1) + ": Allocated Amount cannot be greater than "
                        + "outstanding amount of " + invoice.path("name").asText());
            }
        }
    }

    private void checkAdvances(ObjectNode invoice) {
        BigDecimal allocated = BigDecimal.ZERO;
        for (JsonNode advance : invoice.path("advances")) {
            ObjectNode entry = find.apply("Payment Entry", advance.path("reference_name").asText(""));
            BigDecimal amount = decimal(advance, "allocated_amount", BigDecimal.ZERO);
            if (entry != null && amount.compareTo(unallocated(entry)) > 0) {
                throw FrappeError.validation("Row #" + advance.path("idx").asInt(1) + ": Allocated amount " + amount
                        + " cannot be greater than the unallocated amount of Payment Entry " + entry.path("name").asText());
            }
            allocated = allocated.add(amount);
        }
        if (allocated.signum() > 0 && allocated.compareTo(decimal(invoice, "grand_total", BigDecimal.ZERO)) > 0) {
            throw FrappeError.validation("Total advance (" + allocated + ") cannot be greater than Grand Total");
        }
    }

    /** Refuses a change of amounts, party or lines on a submitted document. */
    void checkUpdate(ObjectNode current, ObjectNode changes) {
        if (current.path("docstatus").asInt(0) != 1) {
            return;
        }
        changes.fields().forEachRemaining(change -> {
            if (FROZEN_AFTER_SUBMIT.contains(change.getKey()) && current.has(change.getKey())
                    && !sameValue(current.get(change.getKey()), change.getValue())) {
                throw new FrappeError(417, "UpdateAfterSubmitError", "Not allowed to change " + change.getKey() + " after submission");
            }
        });
        int docstatus = changes.path("docstatus").asInt(1);
        if (docstatus == 0) {
            throw validationOfDocstatus();
        }
    }

    /** A document just became submitted (1): its effects on the invoices it points at. */
    void submitted(String doctype, ObjectNode document) {
        apply(doctype, document, BigDecimal.ONE);
        setStatus(doctype, document);
    }

    /** A submitted document was cancelled (2): its effects undone. */
    void cancelled(String doctype, ObjectNode document) {
        apply(doctype, document, BigDecimal.ONE.negate());
        setStatus(doctype, document);
    }

    private void apply(String doctype, ObjectNode document, BigDecimal sign) {
        if (doctype.equals("Payment Entry")) {
            for (JsonNode reference : document.path("references")) {
                BigDecimal allocated = decimal(reference, "allocated_amount", BigDecimal.ZERO);
                adjust(referencedInvoice(reference), allocated.multiply(sign).negate(), "Paid");
            }
        } else if (doctype.equals("Sales Invoice") && document.has("advances")) {
            for (JsonNode advance : document.path("advances")) {
                BigDecimal allocated = decimal(advance, "allocated_amount", BigDecimal.ZERO);
                allocateAdvance(find.apply("Payment Entry", advance.path("reference_name").asText("")), document, allocated, sign);
                adjust(document, allocated.multiply(sign).negate(), "Paid");
            }
        }
        if (doctype.equals("Sales Invoice") && document.path("is_return").asInt(0) == 1) {
            String against = document.path("return_against").asText("");
            if (!against.isEmpty()) {
                // a return's grand total is negative: it lowers the original's outstanding amount
                adjust(find.apply("Sales Invoice", against), decimal(document, "grand_total", BigDecimal.ZERO).multiply(sign),
                        "Credit Note Issued");
            }
        }
    }

    /** ERPNext reconciles an advance on submit: the Payment Entry gains a reference to the invoice (loses it on cancel). */
    private void allocateAdvance(ObjectNode entry, ObjectNode invoice, BigDecimal allocated, BigDecimal sign) {
        if (entry == null) {
            return;
        }
        ArrayNode references = entry.withArray("references");
        String invoiceName = invoice.path("name").asText();
        if (sign.signum() > 0) {
            ObjectNode reference = references.addObject();
            reference.put("idx", references.size());
            reference.put("reference_doctype", "Sales Invoice");
            reference.put("reference_name", invoiceName);
            reference.put("allocated_amount", money(allocated));
        } else {
            for (int i = references.size() - 1; i >= 0; i--) {
                if (invoiceName.equals(references.get(i).path("reference_name").asText())) {
                    references.remove(i);
                }
            }
        }
        entry.put("unallocated_amount", money(unallocated(entry)));
        touched.accept("Payment Entry", entry);
    }

    private static BigDecimal unallocated(ObjectNode entry) {
        BigDecimal allocated = BigDecimal.ZERO;
        for (JsonNode reference : entry.path("references")) {
            allocated = allocated.add(decimal(reference, "allocated_amount", BigDecimal.ZERO));
        }
        return decimal(entry, "paid_amount", BigDecimal.ZERO).subtract(allocated);
    }

    private void adjust(ObjectNode invoice, BigDecimal by, String settledStatus) {
        if (invoice == null) {
            return;
        }
        BigDecimal outstanding = decimal(invoice, "outstanding_amount", BigDecimal.ZERO).add(by);
        invoice.put("outstanding_amount", money(outstanding));
        invoice.put("status", outstanding.signum() <= 0 ? settledStatus : invoiceStatus(invoice));
        touched.accept("Sales Invoice", invoice);
    }

    private ObjectNode referencedInvoice(JsonNode reference) {
        String doctype = reference.path("reference_doctype").asText("");
        return find.apply(doctype.isEmpty() ? "Sales Invoice" : doctype, reference.path("reference_name").asText(""));
    }

    private void setStatus(String doctype, ObjectNode document) {
        switch (doctype) {
            case "Sales Invoice" -> document.put("status", invoiceStatus(document));
            case "Payment Entry", "Journal Entry" -> document.put("status", List.of("Draft", "Submitted", "Cancelled")
                    .get(Math.max(0, Math.min(2, document.path("docstatus").asInt(0)))));
            default -> {
                // no status
            }
        }
    }

    /** Draft, Cancelled, Return, Paid, Partly Paid, Overdue or Unpaid, as ERPNext names a Sales Invoice's state. */
    static String invoiceStatus(ObjectNode invoice) {
        int docstatus = invoice.path("docstatus").asInt(0);
        if (docstatus == 0) {
            return "Draft";
        }
        if (docstatus == 2) {
            return "Cancelled";
        }
        if (invoice.path("is_return").asInt(0) == 1) {
            return "Return";
        }
        BigDecimal outstanding = decimal(invoice, "outstanding_amount", BigDecimal.ZERO);
        if (outstanding.signum() <= 0) {
            return "Paid";
        }
        if (outstanding.compareTo(decimal(invoice, "grand_total", outstanding)) < 0) {
            return "Partly Paid";
        }
        String due = invoice.path("due_date").asText("");
        return !due.isEmpty() && due.compareTo(LocalDate.now(FakeErpNext.SITE_ZONE).toString()) < 0 ? "Overdue" : "Unpaid";
    }

    private static FrappeError validationOfDocstatus() {
        return new FrappeError(417, "ValidationError", "Cannot change docstatus from 1 to 0");
    }

    private static boolean sameValue(JsonNode a, JsonNode b) {
        if (a.isArray() && b.isArray()) {
            // child rows as sent again: compare the fields sent, not the row bookkeeping ERPNext added
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                JsonNode stored = a.get(i);
                for (var field = b.get(i).fields(); field.hasNext(); ) {
                    var sent = field.next();
                    if (!ROW_BOOKKEEPING.contains(sent.getKey())
                            && !sameValue(stored.path(sent.getKey()), sent.getValue())) {
                        return false;
                    }
                }
            }
            return true;
        }
        if (a.isNumber() || b.isNumber()) {
            try {
                return new BigDecimal(a.asText()).compareTo(new BigDecimal(b.asText())) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return a.equals(b);
    }

    static BigDecimal decimal(JsonNode node, String field, BigDecimal fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            return fallback;
        }
        try {
            return new BigDecimal(value.asText());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static double money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
