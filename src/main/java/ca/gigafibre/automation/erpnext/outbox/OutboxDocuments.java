package ca.gigafibre.automation.erpnext.outbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What an outbox entry sends, built from the engine's rows at send time, and what it links to. */
@Component
public class OutboxDocuments {

    /** The engine id of a reversal's Payment Entry: {@code REV-<payment_reversal id>}. */
    public static final String REVERSAL_PREFIX = "REV-";

    /** A document the entry's document links to, which ERPNext must have first. */
    public record Link(String doctype, String engineId) {
    }

    private final LedgerPayloads ledger;
    private final MasterDataPayloads masterData;
    private final JdbcClient jdbc;

    public OutboxDocuments(LedgerPayloads ledger, MasterDataPayloads masterData, JdbcClient jdbc) {
        this.ledger = ledger;
        this.masterData = masterData;
        this.jdbc = jdbc;
    }

    /** @throws NotPostedYet when it links to a document the outbox has not posted yet */
    public ObjectNode build(OutboxEntry entry) {
        String id = entry.engineId();
        if (entry.isUpdate()) {
            return switch (entry.doctype()) {
                case ErpOutbox.LOCATION -> masterData.location(id);
                case ErpOutbox.EQUIPMENT -> masterData.equipment(id);
                default -> throw new IllegalStateException("no update for doctype " + entry.doctype());
            };
        }
        if (!entry.isCreate()) {
            return masterData.subscriptionStatus(id);
        }
        return switch (entry.doctype()) {
            case ErpOutbox.SALES_INVOICE -> ledger.salesInvoice(id);
            case ErpOutbox.PAYMENT_ENTRY -> id.startsWith(REVERSAL_PREFIX) ? ledger.reversal(id) : ledger.paymentEntry(id);
            case ErpOutbox.CUSTOMER -> masterData.customer(id);
            case ErpOutbox.LOCATION -> masterData.location(id);
            case ErpOutbox.SUBSCRIPTION -> masterData.subscription(id);
            case ErpOutbox.QUOTATION -> masterData.quotation(id);
            default -> throw new IllegalStateException("no document for doctype " + entry.doctype());
        };
    }

    /**
     * ERPNext's name of a ledger row that came from ERPNext ({@code erp_name}): such a row is never posted back, even if
     * an entry was queued for it.
     */
    public java.util.Optional<String> cameFromErpNext(OutboxEntry entry) {
        String table = switch (entry.doctype()) {
            case ErpOutbox.SALES_INVOICE -> "invoice WHERE invoice_no = :id";
            case ErpOutbox.PAYMENT_ENTRY -> entry.engineId().startsWith(REVERSAL_PREFIX) ? null : "payment WHERE payment_no = :id";
            default -> null;
        };
        if (table == null) {
            return java.util.Optional.empty();
        }
        return jdbc.sql("SELECT erp_name FROM automation." + table).param("id", entry.engineId()).query(String.class).optional();
    }

    /**
     * The master data a document links to that the engine may have to post itself when ERPNext says the link is missing:
     * its customer, and a subscription's or a device's service location.
     */
    public List<Link> links(OutboxEntry entry) {
        List<Link> links = new ArrayList<>();
        if (!ErpOutbox.CUSTOMER.equals(entry.doctype())) {
            links.add(new Link(ErpOutbox.CUSTOMER, entry.customerId()));
        }
        if (ErpOutbox.SUBSCRIPTION.equals(entry.doctype())) {
            jdbc.sql("""
                    SELECT l.location_no FROM automation.subscription s JOIN automation.service_location l ON l.id = s.location_id
                    WHERE s.subscription_no = :no
                    """).param("no", entry.engineId()).query(String.class).optional()
                    .ifPresent(location -> links.add(new Link(ErpOutbox.LOCATION, location)));
        }
        if (ErpOutbox.EQUIPMENT.equals(entry.doctype())) {
            jdbc.sql("""
                    SELECT l.location_no FROM automation.equipment e JOIN automation.service_location l ON l.id = e.location_id
                    WHERE e.equipment_no = :no
                    """).param("no", entry.engineId()).query(String.class).optional()
                    .ifPresent(location -> links.add(new Link(ErpOutbox.LOCATION, location)));
        }
        return links;
    }
}
