package ca.gigafibre.automation.erpnext.outbox;

import ca.gigafibre.automation.erpnext.ErpNextSettings;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts the engine's documents in the ERPNext outbox, in the caller's transaction: the entry commits with the row that
 * records the document or not at all, and the relay ({@link OutboxRelay}) posts it later. Only while
 * {@code automation.erpnext.enabled}. Rows that came from ERPNext ({@code erp_name} set) never get an entry, whichever
 * path wrote them; a document already queued is not queued twice (unique index).
 */
@Component
public class ErpOutbox {

    public static final String CUSTOMER = "Customer";
    public static final String LOCATION = "Service Location";
    public static final String SUBSCRIPTION = "Service Subscription";
    public static final String SALES_INVOICE = "Sales Invoice";
    public static final String PAYMENT_ENTRY = "Payment Entry";
    public static final String QUOTATION = "Quotation";
    public static final String EQUIPMENT = "Service Equipment";

    /** Master data the engine changed on a document ERPNext holds (or is to hold): posted whole, as the row is when relayed. */
    public static final String UPDATE = "update";

    /**
     * A payment's allocations as they are now, per invoice in invoice order: the snapshot its Payment Entry's references are
     * made of (credit applied later is not part of this document).
     */
    private static final String ALLOCATIONS = """
            (SELECT coalesce(jsonb_agg(jsonb_build_object('invoice', a.invoice_no, 'amount', a.amount) ORDER BY a.invoice_id), '[]')
             FROM (SELECT i.id AS invoice_id, i.invoice_no, sum(pa.amount) AS amount FROM automation.payment_allocation pa
                   JOIN automation.invoice i ON i.id = pa.invoice_id WHERE pa.payment_id = p.id AND NOT pa.from_credit
                   GROUP BY i.id, i.invoice_no) a)""";

    private final JdbcClient jdbc;
    private final boolean enabled;

    public ErpOutbox(JdbcClient jdbc, ErpNextSettings settings) {
        this.jdbc = jdbc;
        this.enabled = settings.enabled();
    }

    /** Invoices and credit notes, in one statement however many (a billing run's chunk). */
    @Transactional
    public void invoices(List<Long> invoiceIds) {
        if (enabled && !invoiceIds.isEmpty()) {
            jdbc.sql("""
                    INSERT INTO automation.erp_outbox (doctype, engine_id, customer_no)
                    SELECT :doctype, i.invoice_no, c.customer_no FROM automation.invoice i JOIN automation.customer c ON c.id = i.customer_id
                    WHERE i.id IN (:ids) AND i.erp_name IS NULL ORDER BY i.id
                    ON CONFLICT DO NOTHING
                    """).param("doctype", SALES_INVOICE).param("ids", invoiceIds).update();
        }
    }

    /** A payment received; the account credit a credit note leaves is not one (the return invoice carries it). */
    @Transactional
    public void payment(long paymentId) {
        if (enabled) {
            jdbc.sql("""
                    INSERT INTO automation.erp_outbox (doctype, engine_id, customer_no, snapshot)
                    SELECT :doctype, p.payment_no, c.customer_no, %s FROM automation.payment p
                    JOIN automation.customer c ON c.id = p.customer_id
                    WHERE p.id = :id AND p.erp_name IS NULL AND p.method <> 'credit-note'
                    ON CONFLICT DO NOTHING
                    """.formatted(ALLOCATIONS)).param("doctype", PAYMENT_ENTRY).param("id", paymentId).update();
        }
    }

    /** A payment received, by its number ({@code PAY-…}), as {@code PaymentRecorded} names it. */
    @Transactional
    public void payment(String paymentNo) {
        if (enabled) {
            jdbc.sql("""
                    INSERT INTO automation.erp_outbox (doctype, engine_id, customer_no, snapshot)
                    SELECT :doctype, p.payment_no, c.customer_no, %s FROM automation.payment p
                    JOIN automation.customer c ON c.id = p.customer_id
                    WHERE p.payment_no = :no AND p.erp_name IS NULL AND p.method <> 'credit-note'
                    ON CONFLICT DO NOTHING
                    """.formatted(ALLOCATIONS)).param("doctype", PAYMENT_ENTRY).param("no", paymentNo).update();
        }
    }

    /**
     * Money a processor took back from a payment or gave back ({@code payment_reversal} applied with an amount); not the
     * reversal of a payment that came from ERPNext (its Payment Entry was cancelled there).
     */
    @Transactional
    public void reversal(long reversalId) {
        if (enabled) {
            jdbc.sql("""
                    INSERT INTO automation.erp_outbox (doctype, engine_id, customer_no)
                    SELECT :doctype, :prefix || r.id, c.customer_no FROM automation.payment_reversal r
                    JOIN automation.payment p ON p.id = r.payment_id JOIN automation.customer c ON c.id = p.customer_id
                    WHERE r.id = :id AND r.amount <> 0 AND p.erp_name IS NULL
                    ON CONFLICT DO NOTHING
                    """).param("doctype", PAYMENT_ENTRY).param("prefix", OutboxDocuments.REVERSAL_PREFIX).param("id", reversalId).update();
        }
    }

    /** A customer the engine created. */
    @Transactional
    public void customer(long customerId) {
        if (enabled) {
            jdbc.sql("""
                    INSERT INTO automation.erp_outbox (doctype, engine_id, customer_no)
                    SELECT :doctype, customer_no, customer_no FROM automation.customer WHERE id = :id
                    ON CONFLICT DO NOTHING
                    """).param("doctype", CUSTOMER).param("id", customerId).update();
        }
    }

    /** A service location the engine created. */
    @Transactional
    public void location(String locationNo) {
        if (enabled) {
            jdbc.sql("""
                    INSERT INTO automation.erp_outbox (doctype, engine_id, customer_no)
                    SELECT :doctype, l.location_no, c.customer_no FROM automation.service_location l JOIN automation.customer c ON c.id = l.customer_id
                    WHERE l.location_no = :no
                    ON CONFLICT DO NOTHING
                    """).param("doctype", LOCATION).param("no", locationNo).update();
        }
    }

    /** A service location whose address changed. */
    @Transactional
    public void locationUpdated(String locationNo) {
        if (enabled) {
            jdbc.sql("""
                    INSERT INTO automation.erp_outbox (doctype, action, engine_id, customer_no)
                    SELECT :doctype, :action, l.location_no, c.customer_no FROM automation.service_location l
                    JOIN automation.customer c ON c.id = l.customer_id WHERE l.location_no = :no
                    """).param("doctype", LOCATION).param("action", UPDATE).param("no", locationNo).update();
        }
    }

    /**
     * Devices registered, assigned, installed or taken back: each one a customer holds (or held) is posted as it is when
     * relayed; one on the shelf with no customer is ERPNext's stock, not the engine's to post.
     */
    @Transactional
    public void equipment(List<Long> equipmentIds) {
        if (enabled && !equipmentIds.isEmpty()) {
            jdbc.sql("""
                    INSERT INTO automation.erp_outbox (doctype, action, engine_id, customer_no)
                    SELECT :doctype, :action, e.equipment_no, c.customer_no FROM automation.equipment e
                    JOIN automation.customer c ON c.id = e.customer_id WHERE e.id IN (:ids) ORDER BY e.id
                    """).param("doctype", EQUIPMENT).param("action", UPDATE).param("ids", equipmentIds).update();
        }
    }

    /** A subscription the engine created. */
    @Transactional
    public void subscriptionCreated(String subscriptionNo) {
        subscription(subscriptionNo, "create");
    }

    /** A subscription the engine created, by row id. */
    @Transactional
    public void subscriptionCreated(long subscriptionId) {
        if (enabled) {
            subscriptionCreated(jdbc.sql("SELECT subscription_no FROM automation.subscription WHERE id = :id").param("id", subscriptionId)
                    .query(String.class).single());
        }
    }

    /** A subscription the engine activated or cancelled: its status (and end date) posted as they are when relayed. */
    @Transactional
    public void subscriptionStatus(String subscriptionNo) {
        subscription(subscriptionNo, "status");
    }

    /** A quote, posted as a Quotation. */
    @Transactional
    public void quote(long quoteId) {
        if (enabled) {
            jdbc.sql("""
                    INSERT INTO automation.erp_outbox (doctype, engine_id, customer_no)
                    SELECT :doctype, q.quote_no, c.customer_no FROM automation.quote q JOIN automation.customer c ON c.id = q.customer_id
                    WHERE q.id = :id
                    ON CONFLICT DO NOTHING
                    """).param("doctype", QUOTATION).param("id", quoteId).update();
        }
    }

    private void subscription(String subscriptionNo, String action) {
        if (enabled) {
            jdbc.sql("""
                    INSERT INTO automation.erp_outbox (doctype, action, engine_id, customer_no)
                    SELECT :doctype, :action, s.subscription_no, c.customer_no FROM automation.subscription s
                    JOIN automation.customer c ON c.id = s.customer_id WHERE s.subscription_no = :no
                    ON CONFLICT DO NOTHING
                    """).param("doctype", SUBSCRIPTION).param("action", action).param("no", subscriptionNo).update();
        }
    }
}
