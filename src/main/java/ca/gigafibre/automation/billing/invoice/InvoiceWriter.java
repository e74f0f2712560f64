package ca.gigafibre.automation.billing.invoice;

import ca.gigafibre.automation.billing.BillingSettings;
import ca.gigafibre.automation.billing.InvoicesWritten;
import ca.gigafibre.automation.billing.payment.PaymentService;
import ca.gigafibre.automation.platform.time.BusinessTime;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import ca.gigafibre.automation.workflow.OneEngineCommand;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one place invoices and credit notes are written. It owns what every invoice has in common: its lines, its taxes and
 * totals ({@link InvoiceTotals}), its due date on the usual terms, the account's credit paying it first, and the start of
 * its {@code billing-collections} (business key = invoice number) when something is left to collect. A negative invoice
 * that credits no particular invoice leaves its amount on the account as credit; a credit note for an invoice closes it
 * and has no process.
 */
@Component
public class InvoiceWriter {

    public static final String PROCESS = "billing-collections";

    /** What every {@link #PROCESS} instance starts with: its invoice, its customer, and the instant its due date has passed. */
    public static Map<String, Object> processVariables(String invoiceNo, String customerNo, LocalDate dueDate) {
        return new HashMap<>(Map.of("invoiceId", invoiceNo, "customerId", customerNo,
                "dueDate", BusinessTime.startOf(dueDate.plusDays(1))));
    }

    /** An invoice as written: {@code status} after the account's credit was applied. */
    public record Written(long id, String invoiceNo, String status) {
    }

    /** A written invoice whose {@code billing-collections} is to start. */
    public record Collectable(long id, String invoiceNo, String customerNo, LocalDate dueDate) {
    }

    /** A credit note for the part still {@code open} of an invoice with these taxes and total. */
    public record CreditNote(long customerId, long creditedInvoiceId, String description, BigDecimal open, BigDecimal invoiceTps,
                             BigDecimal invoiceTvq, BigDecimal invoiceTotal) {
    }

    /**
     * An invoice ERPNext issued that is still (partly) outstanding there, as the engine keeps it: {@code totals} are what is
     * outstanding (its taxes in the invoice's proportions), {@code lines} sum to their subtotal. Identified by its ERPNext
     * name, so it is collected like the engine's own invoices and never posted back.
     */
    public record Receivable(long customerId, String erpName, LocalDate issueDate, LocalDate dueDate, LocalDate periodStart,
                             LocalDate periodEnd, InvoiceTotals totals, List<InvoiceLine> lines) {

        /** A receivable the engine already has, as it stands now: only its open amount counts. */
        public static Receivable standing(long customerId, String erpName, BigDecimal open) {
            return new Receivable(customerId, erpName, null, null, null, null, new InvoiceTotals(open, BigDecimal.ZERO, BigDecimal.ZERO),
                    List.of());
        }
    }

    /** What {@link #writeReceivable} did: {@code created}, or {@code lowered} by an amount (zero: nothing to follow). */
    public record ReceivableWritten(String invoiceNo, boolean created, BigDecimal lowered, String status) {
    }

    private static final String INSERT_INVOICE = """
            INSERT INTO automation.invoice (id, customer_id, issue_date, due_date, period_start, period_end, subtotal, tps, tvq, total,
                status, billing_run_id, credit_note_for, erp_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (credit_note_for) WHERE credit_note_for IS NOT NULL DO NOTHING
            """;
    private static final int[] INVOICE_TYPES = {Types.BIGINT, Types.BIGINT, Types.DATE, Types.DATE, Types.DATE, Types.DATE, Types.NUMERIC,
            Types.NUMERIC, Types.NUMERIC, Types.NUMERIC, Types.VARCHAR, Types.BIGINT, Types.BIGINT, Types.VARCHAR};
    static final String SETTLED_IN_ERPNEXT = "Réglé dans ERPNext / Settled in ERPNext";
    private static final String INSERT_LINE = """
            INSERT INTO automation.invoice_line (invoice_id, line_no, subscription_id, sku, description, quantity, unit_price, amount,
                billing_frequency, period_start, period_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;
    private static final int[] LINE_TYPES = {Types.BIGINT, Types.INTEGER, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.NUMERIC,
            Types.NUMERIC, Types.NUMERIC, Types.VARCHAR, Types.DATE, Types.DATE};

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final PaymentService payments;
    private final CollectionsStarter starter;
    private final OneEngineCommand engineCommand;
    private final ApplicationEventPublisher events;
    private final int dueDays;

    public InvoiceWriter(JdbcClient jdbc, JdbcTemplate batch, PaymentService payments, CollectionsStarter starter, OneEngineCommand engineCommand,
                         ApplicationEventPublisher events, BillingSettings settings) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.payments = payments;
        this.starter = starter;
        this.engineCommand = engineCommand;
        this.events = events;
        this.dueDays = settings.dueDays();
    }

    /** One invoice: written, paid first by the account's credit, and its {@code billing-collections} started if still open. */
    @Transactional
    public Written write(InvoiceDraft draft) {
        Row row = rowOf(draft);
        long id = nextIds(1).get(0);
        insert(List.of(row), List.of(id));
        events.publishEvent(new InvoicesWritten(List.of(id)));
        leaveCredit(List.of(row), List.of(id));
        payments.applyCredit(draft.customerId());
        Collectable written = collectable(id);
        String status = jdbc.sql("SELECT status FROM automation.invoice WHERE id = :id").param("id", id).query(String.class).single();
        if ("open".equals(status)) {
            startCollections(List.of(written));
        }
        return new Written(id, written.invoiceNo(), status);
    }

    /**
     * Many invoices in a few round trips (the billing run): written, and the accounts' credit applied to them. Their
     * processes are not started here: the run starts them in chunks it can resume ({@link #startCollections}).
     *
     * @return the new invoices' ids, in the order of the drafts
     */
    @Transactional
    public List<Long> writeAll(List<InvoiceDraft> drafts) {
        if (drafts.isEmpty()) {
            return List.of();
        }
        List<Row> rows = drafts.stream().map(this::rowOf).toList();
        List<Long> ids = nextIds(rows.size());
        insert(rows, ids);
        events.publishEvent(new InvoicesWritten(ids));   // one statement for the whole chunk
        leaveCredit(rows, ids);
        Set<Long> customers = new HashSet<>();
        drafts.forEach(d -> customers.add(d.customerId()));
        payments.accountsWithCredit().stream().filter(customers::contains).forEach(payments::applyCredit);
        return ids;
    }

    /**
     * A credit note: one negative line, taxes in the credited invoice's proportions, {@code paid}, naming the invoice it
     * credits. One per invoice (unique index): empty when that invoice already has one.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Written> writeCreditNote(CreditNote note) {
        InvoiceTotals totals = InvoiceTotals.creditFor(note.open(), note.invoiceTps(), note.invoiceTvq(), note.invoiceTotal());
        LocalDate today = BusinessTime.today();
        List<InvoiceLine> lines = List.of(InvoiceLine.untaxed("CREDIT-NOTE", note.description(), totals.subtotal()));
        Row row = new Row(note.customerId(), today, today, null, null, totals, null, note.creditedInvoiceId(), lines, null);
        long id = nextIds(1).get(0);
        if (insert(List.of(row), List.of(id)) == 0) {
            return Optional.empty();
        }
        events.publishEvent(new InvoicesWritten(List.of(id)));
        return Optional.of(new Written(id, collectable(id).invoiceNo(), row.totals().status()));
    }

    /**
     * Keeps the engine's copy of an invoice ERPNext issued in step with what is outstanding there. The first time, it is
     * written {@code open} for what is outstanding ({@link Receivable#totals()}), and nothing more: no
     * {@code billing-collections} (it is never charged automatically; once overdue the account's collections take it over
     * like any overdue invoice), marked so that nothing starts one later ({@code collections_started_at}, what the billing
     * run's resume reads), and none of the account's credit applied here — ERPNext's outstanding is already net of what
     * ERPNext knows, and an allocation made here is one ERPNext would never hear of (the account's credit reaches it later
     * like any open invoice, when the next payment or invoice applies it). Afterwards, when the receivable's total now is
     * below what the engine still has open (ERPNext lowered it by something the engine does not know: a credit note or a
     * journal entry there), its open amount follows: the total is lowered in place by the difference, taxes in the
     * invoice's proportions, with a negative line saying so — no new document, since a credit note of the engine's would
     * be posted back to ERPNext, which already has its own. It never raises an amount.
     */
    @Transactional
    public ReceivableWritten writeReceivable(Receivable receivable) {
        Optional<Object[]> known = jdbc.sql("""
                SELECT id, invoice_no, total, amount_paid, tps, tvq, status FROM automation.invoice WHERE erp_name = :name FOR UPDATE
                """).param("name", receivable.erpName())
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getString(7)}).optional();
        if (known.isEmpty()) {
            // a second writer of the same name at once fails on erp_name's unique index and its page is read again
            Row row = new Row(receivable.customerId(), receivable.issueDate(), receivable.dueDate(), receivable.periodStart(),
                    receivable.periodEnd(), receivable.totals(), null, null, receivable.lines(), receivable.erpName());
            long id = nextIds(1).get(0);
            insert(List.of(row), List.of(id));
            jdbc.sql("UPDATE automation.invoice SET collections_started_at = now() WHERE id = :id").param("id", id).update();
            return new ReceivableWritten(collectable(id).invoiceNo(), true, BigDecimal.ZERO, row.totals().status());
        }
        Object[] k = known.get();
        long id = (Long) k[0];
        BigDecimal total = (BigDecimal) k[2];
        BigDecimal amountPaid = (BigDecimal) k[3];
        BigDecimal lower = total.subtract(amountPaid).subtract(receivable.totals().total());
        if (!"open".equals(k[6]) || lower.signum() <= 0) {
            return new ReceivableWritten((String) k[1], false, BigDecimal.ZERO, (String) k[6]);
        }
        InvoiceTotals less = InvoiceTotals.creditFor(lower, (BigDecimal) k[4], (BigDecimal) k[5], total);
        int nextLine = jdbc.sql("SELECT coalesce(max(line_no), 0) + 1 FROM automation.invoice_line WHERE invoice_id = :id").param("id", id)
                .query(Integer.class).single();
        InvoiceLine settled = InvoiceLine.untaxed("ERPNEXT-SETTLED", SETTLED_IN_ERPNEXT, less.subtotal());
        batch.update(INSERT_LINE, new Object[] {id, nextLine, null, settled.sku(), settled.description(), settled.quantity(),
                settled.unitPrice(), settled.amount(), settled.frequency(), null, null}, LINE_TYPES);
        String status = jdbc.sql("""
                UPDATE automation.invoice SET subtotal = subtotal + :subtotal, tps = tps + :tps, tvq = tvq + :tvq, total = total + :total,
                    status = CASE WHEN amount_paid >= total + :total THEN 'paid' ELSE status END WHERE id = :id RETURNING status
                """).param("subtotal", less.subtotal()).param("tps", less.tps()).param("tvq", less.tvq()).param("total", less.total())
                .param("id", id).query(String.class).single();
        return new ReceivableWritten((String) k[1], false, lower, status);
    }

    /**
     * Starts each invoice's {@code billing-collections} ({@link CollectionsStarter}), and marks it started. The starts are
     * one engine command: the engine writes the chunk's instances in one flush (the billing run's main cost per invoice).
     */
    @Transactional
    public void startCollections(List<Collectable> invoices) {
        engineCommand.run(() -> starter.startAll(invoices));
        if (!invoices.isEmpty()) {
            jdbc.sql("UPDATE automation.invoice SET collections_started_at = now() WHERE id IN (:ids)")
                    .param("ids", invoices.stream().map(Collectable::id).toList()).update();
        }
    }

    /** The stated due date, else the usual terms after the issue date. */
    LocalDate dueDateOf(InvoiceDraft draft) {
        return draft.dueDate() != null ? draft.dueDate() : draft.issueDate().plusDays(dueDays);
    }

    private Row rowOf(InvoiceDraft draft) {
        return new Row(draft.customerId(), draft.issueDate(), dueDateOf(draft), draft.periodStart(), draft.periodEnd(),
                InvoiceTotals.of(draft.lines()), draft.billingRunId(), null, draft.lines(), null);
    }

    private List<Long> nextIds(int n) {
        return jdbc.sql("SELECT nextval(pg_get_serial_sequence('automation.invoice', 'id')) FROM generate_series(1, :n)")
                .param("n", n).query(Long.class).list();
    }

    /** @return how many invoices were inserted (a credit note for an invoice already credited is not) */
    private int insert(List<Row> rows, List<Long> ids) {
        List<Object[]> invoices = new ArrayList<>(rows.size());
        List<Object[]> lines = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            long id = ids.get(i);
            invoices.add(new Object[] {id, r.customerId(), date(r.issue()), date(r.due()), date(r.periodStart()), date(r.periodEnd()),
                    r.totals().subtotal(), r.totals().tps(), r.totals().tvq(), r.totals().total(), r.totals().status(), r.runId(),
                    r.creditNoteFor(), r.erpName()});
            int lineNo = 1;
            for (InvoiceLine l : r.lines()) {
                lines.add(new Object[] {id, lineNo++, l.subscriptionId(), l.sku(), l.description(), l.quantity(), l.unitPrice(), l.amount(),
                        l.frequency(), date(l.periodStart()), date(l.periodEnd())});
            }
        }
        int inserted;
        if (rows.size() == 1) {
            inserted = batch.update(INSERT_INVOICE, invoices.get(0), INVOICE_TYPES);
            if (inserted == 0) {
                return 0;
            }
        } else {
            batch.batchUpdate(INSERT_INVOICE, invoices, INVOICE_TYPES);   // drafts only: no credit note, so no conflict
            inserted = rows.size();
        }
        batch.batchUpdate(INSERT_LINE, lines, LINE_TYPES);
        return inserted;
    }

    /** A negative invoice that credits no particular invoice (credits above the charges) leaves its amount on the account. */
    private void leaveCredit(List<Row> rows, List<Long> ids) {
        List<Object[]> credits = new ArrayList<>();
        // the engine's clock, not the database's: a credit left in a process test lands on the day the test moved to
        Timestamp receivedAt = Timestamp.from(BusinessTime.now().toInstant());
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (r.creditNoteFor() == null && r.totals().total().signum() < 0) {
                credits.add(new Object[] {r.customerId(), receivedAt, r.totals().total().negate(), ids.get(i)});
            }
        }
        if (!credits.isEmpty()) {
            batch.batchUpdate("""
                    INSERT INTO automation.payment (customer_id, received_at, amount, method, reference, idempotency_key)
                    SELECT ?, ?, ?, 'credit-note', invoice_no, 'credit-note:' || invoice_no FROM automation.invoice WHERE id = ?
                    """, credits);
        }
    }

    private Collectable collectable(long id) {
        return jdbc.sql("""
                SELECT i.invoice_no, c.customer_no, i.due_date FROM automation.invoice i JOIN automation.customer c ON c.id = i.customer_id
                WHERE i.id = :id
                """).param("id", id)
                .query((rs, n) -> new Collectable(id, rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class))).single();
    }

    private static Date date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }

    private record Row(long customerId, LocalDate issue, LocalDate due, LocalDate periodStart, LocalDate periodEnd, InvoiceTotals totals,
                       Long runId, Long creditNoteFor, List<InvoiceLine> lines, String erpName) {
    }
}
