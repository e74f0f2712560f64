package ca.gigafibre.automation.erpnext.outbox;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * ERPNext's name of an engine row a document links to. A row the engine queued is known by the name ERPNext gave it when
 * it was posted ({@link NotPostedYet} before); a row that came from ERPNext (the sync) carries ERPNext's name as its
 * business id ({@code C-…}, {@code LOC-…}) or in {@code erp_name} (invoices).
 */
@Component
public class ErpNames {

    private final OutboxEntries entries;
    private final JdbcClient jdbc;

    public ErpNames(OutboxEntries entries, JdbcClient jdbc) {
        this.entries = entries;
        this.jdbc = jdbc;
    }

    public String customer(String customerNo) {
        return of(ErpOutbox.CUSTOMER, customerNo);
    }

    public String location(String locationNo) {
        return of(ErpOutbox.LOCATION, locationNo);
    }

    public String subscription(String subscriptionNo) {
        return of(ErpOutbox.SUBSCRIPTION, subscriptionNo);
    }

    /** ERPNext's name of a location, subscription or device: what an update is posted to. */
    public String of(OutboxEntry entry) {
        return of(entry.doctype(), entry.engineId());
    }

    public String invoice(String invoiceNo) {
        Optional<String> fromErpNext = jdbc.sql("SELECT erp_name FROM automation.invoice WHERE invoice_no = :no").param("no", invoiceNo)
                .query(String.class).optional();
        return fromErpNext.isPresent() && fromErpNext.get() != null ? fromErpNext.get() : of(ErpOutbox.SALES_INVOICE, invoiceNo);
    }

    /**
     * ERPNext's name of the Payment Entry of a payment: its own when it came from ERPNext, else the one the engine posted;
     * empty when ERPNext never got one (a credit note's credit, a payment recorded before the outbox was on).
     */
    public Optional<String> paymentEntry(String paymentNo, String erpName) {
        return erpName != null ? Optional.of(erpName) : posted(ErpOutbox.PAYMENT_ENTRY, paymentNo);
    }

    private String of(String doctype, String engineId) {
        return posted(doctype, engineId).orElse(engineId);
    }

    /** The name ERPNext gave a row the engine queued; empty when it was never queued, {@link NotPostedYet} until it is sent. */
    private Optional<String> posted(String doctype, String engineId) {
        return entries.createOf(doctype, engineId).map(entry -> {
            if (entry.erpName() == null) {
                throw new NotPostedYet(doctype, engineId);
            }
            return entry.erpName();
        });
    }
}
