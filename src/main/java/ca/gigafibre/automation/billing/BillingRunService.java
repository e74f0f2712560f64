package ca.gigafibre.automation.billing;

import ca.gigafibre.automation.platform.audit.AuditLog;
import ca.gigafibre.automation.platform.error.NotFoundException;
import ca.gigafibre.automation.platform.time.BusinessTime;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The monthly billing run: one invoice per billed account for its subscriptions due in the period, then one
 * {@code billing-collections} process per invoice (business key = invoice id). A period is billed once: running it
 * again resumes what a crash left undone and creates nothing that exists.
 */
@Service
public class BillingRunService {

    public static final String PROCESS = "billing-collections";
    private static final Logger log = LoggerFactory.getLogger(BillingRunService.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate transaction;
    private final RuntimeService runtime;
    private final AuditLog audit;
    private final int dueDays;
    private final PaymentService payments;
    private final int chunk;

    public BillingRunService(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate transaction, RuntimeService runtime, AuditLog audit,
                             @Value("${automation.billing.due-days:21}") int dueDays, PaymentService payments,
                             @Value("${automation.billing.start-chunk:250}") int chunk) {
        this.payments = payments;
        this.chunk = chunk;
        this.jdbc = jdbc;
        this.batch = batch;
        this.transaction = transaction;
        this.runtime = runtime;
        this.audit = audit;
        this.dueDays = dueDays;
    }

    /** The run of the period, created if new. */
    public BillingRunView open(YearMonth period) {
        jdbc.sql("INSERT INTO automation.billing_run (period, requested_by) VALUES (:period, :who) ON CONFLICT (period) DO NOTHING")
                .param("period", period.toString()).param("who", AuditLog.currentActor()).update();
        return find(period).orElseThrow();
    }

    /** Writes the invoices and starts their processes; safe to call again for the same period. */
    public BillingRunView execute(YearMonth period) {
        long started = System.nanoTime();
        long runId = open(period).id();
        jdbc.sql("UPDATE automation.billing_run SET status = 'running', finished_at = NULL WHERE id = :id").param("id", runId).update();
        try {
            int written = transaction.execute(status -> {
                // two runs of one period at once (a double click, two nodes): the second waits here, then finds the invoices written
                jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('billing-run'), CAST(:run AS integer))").param("run", runId).query(Object.class).single();
                int invoices = writeInvoices(runId, period);
                // credit already on the accounts pays the new invoices first: what it covers is never charged or chased
                payments.accountsWithCredit().forEach(payments::applyCredit);
                return invoices;
            });
            long invoicesDone = System.nanoTime();
            int startedProcesses = startProcesses(runId);
            jdbc.sql("""
                    UPDATE automation.billing_run SET status = 'completed', finished_at = now(),
                        invoices = (SELECT count(*) FROM automation.invoice WHERE billing_run_id = :id),
                        accounts = (SELECT count(DISTINCT customer_id) FROM automation.invoice WHERE billing_run_id = :id)
                    WHERE id = :id
                    """).param("id", runId).update();
            log.info("Billing run {}: {} new invoices in {} ms, {} billing-collections started in {} ms", period, written,
                    (invoicesDone - started) / 1_000_000, startedProcesses, (System.nanoTime() - invoicesDone) / 1_000_000);
            audit.record("billing-run.completed", "billing-run", period.toString(), null, Map.of("invoices", written, "processes", startedProcesses));
        } catch (RuntimeException e) {
            log.error("Billing run {} failed: {}", period, e.getMessage(), e);
            jdbc.sql("UPDATE automation.billing_run SET status = 'failed', finished_at = now(), errors = array_append(errors, :error) WHERE id = :id")
                    .param("error", e.getMessage()).param("id", runId).update();
        }
        return find(period).orElseThrow();
    }

    public BillingRunView get(long id) {
        return jdbc.sql("SELECT period FROM automation.billing_run WHERE id = :id").param("id", id).query(String.class).optional()
                .flatMap(p -> find(YearMonth.parse(p))).orElseThrow(() -> new NotFoundException("Billing run", String.valueOf(id), "id"));
    }

    public Optional<BillingRunView> find(YearMonth period) {
        return jdbc.sql("""
                SELECT id, period, status, accounts, invoices, started, errors, started_at, finished_at FROM automation.billing_run WHERE period = :p
                """).param("p", period.toString())
                .query((rs, n) -> new BillingRunView(rs.getLong("id"), rs.getString("period"), rs.getString("status"), rs.getInt("accounts"),
                        rs.getInt("invoices"), rs.getInt("started"), List.of((String[]) rs.getArray("errors").getArray()),
                        BusinessTime.read(rs, "started_at"), BusinessTime.read(rs, "finished_at")))
                .optional();
    }

    /**
     * One invoice per account with something due: each subscription from the day after it was billed through to the end
     * of the period (catch-up lines carry their dates), credits for cancelled days already billed; then each
     * subscription's billed-through day moves on, in the same transaction.
     */
    private int writeInvoices(long runId, YearMonth period) {
        LocalDate first = period.atDay(1);
        LocalDate last = period.atEndOfMonth();
        List<BillableSubscription> subscriptions = jdbc.sql("""
                SELECT s.id, s.customer_id, p.sku, p.name_fr, s.quantity, s.unit_price, s.billing_frequency, s.start_date, s.end_date,
                       s.billed_through
                FROM automation.subscription s
                JOIN automation.plan p ON p.id = s.plan_id
                JOIN automation.customer c ON c.id = s.customer_id
                WHERE c.status IN ('active', 'suspended') AND s.status IN ('active', 'suspended', 'cancelled') AND s.start_date <= :last
                  AND ((s.billed_through IS NULL AND (s.end_date IS NULL OR s.end_date >= s.start_date))
                       OR (s.billing_frequency <> 'one-time' AND s.billed_through < least(coalesce(s.end_date, :last), :last))
                       OR s.end_date < s.billed_through)
                  AND NOT exists(SELECT 1 FROM automation.invoice i WHERE i.customer_id = s.customer_id AND i.billing_run_id = :run)
                ORDER BY s.customer_id, s.id
                """).param("last", last).param("run", runId)
                .query((rs, n) -> new BillableSubscription(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        rs.getBigDecimal(6), rs.getString(7), rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class),
                        rs.getObject(10, LocalDate.class)))
                .list();
        Map<Long, List<Object[]>> linesByCustomer = new LinkedHashMap<>();
        List<Object[]> billedThrough = new ArrayList<>();
        for (BillableSubscription s : subscriptions) {
            SubscriptionCharges.Due due = SubscriptionCharges.at(s, period, (from, to) -> billed(s.id(), from, to));
            for (SubscriptionCharges.Line l : due.lines()) {
                linesByCustomer.computeIfAbsent(s.customerId(), k -> new ArrayList<>()).add(new Object[] {s.id(), s.sku(),
                        l.note() == null ? s.description() : s.description() + " — " + l.note(), l.quantity(), l.unitPrice(), l.amount(),
                        s.frequency(), Date.valueOf(l.from()), Date.valueOf(l.to())});
            }
            if (due.billedThrough() != null && !due.billedThrough().equals(s.billedThrough())) {
                billedThrough.add(new Object[] {Date.valueOf(due.billedThrough()), s.id()});
            }
        }
        batch.batchUpdate("UPDATE automation.subscription SET billed_through = ? WHERE id = ?", billedThrough);
        if (linesByCustomer.isEmpty()) {
            return 0;
        }
        List<Long> ids = jdbc.sql("SELECT nextval(pg_get_serial_sequence('automation.invoice', 'id')) FROM generate_series(1, :n)")
                .param("n", linesByCustomer.size()).query(Long.class).list();
        List<Object[]> invoices = new ArrayList<>();
        List<Object[]> lines = new ArrayList<>();
        List<Object[]> creditNotes = new ArrayList<>();
        int i = 0;
        Date issue = Date.valueOf(first);
        Date due = Date.valueOf(first.plusDays(dueDays));
        for (Map.Entry<Long, List<Object[]>> entry : linesByCustomer.entrySet()) {
            long invoiceId = ids.get(i++);
            BigDecimal subtotal = entry.getValue().stream().map(l -> (BigDecimal) l[5]).reduce(BigDecimal.ZERO, BigDecimal::add);
            QuebecTaxes taxes = QuebecTaxes.on(subtotal);
            invoices.add(new Object[] {invoiceId, entry.getKey(), issue, due, issue, Date.valueOf(last), taxes.subtotal(),
                    taxes.tps(), taxes.tvq(), taxes.total(), taxes.total().signum() <= 0 ? "paid" : "open", runId});
            if (taxes.total().signum() < 0) {
                creditNotes.add(new Object[] {entry.getKey(), taxes.total().negate(), invoiceId});
            }
            int lineNo = 1;
            for (Object[] l : entry.getValue()) {
                lines.add(new Object[] {invoiceId, lineNo++, l[0], l[1], l[2], l[3], l[4], l[5], l[6], l[7], l[8]});
            }
        }
        batch.batchUpdate("""
                INSERT INTO automation.invoice (id, customer_id, issue_date, due_date, period_start, period_end, subtotal, tps, tvq, total,
                    status, billing_run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, invoices);
        batch.batchUpdate("""
                INSERT INTO automation.invoice_line (invoice_id, line_no, subscription_id, sku, description, quantity, unit_price, amount,
                    billing_frequency, period_start, period_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, lines);
        // a credit note (credits above the charges) leaves its amount on the account, applied to its next invoices
        batch.batchUpdate("""
                INSERT INTO automation.payment (customer_id, received_at, amount, method, reference, idempotency_key)
                SELECT ?, now(), ?, 'credit-note', invoice_no, 'credit-note:' || invoice_no FROM automation.invoice WHERE id = ?
                """, creditNotes);
        return invoices.size();
    }

    /** What was already billed to a subscription for days inside {@code from}..{@code to} (for credits). */
    private BigDecimal billed(long subscriptionId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT coalesce(sum(amount), 0) FROM automation.invoice_line
                WHERE subscription_id = :id AND period_start >= :from AND period_end <= :to
                """).param("id", subscriptionId).param("from", from).param("to", to).query(BigDecimal.class).single();
    }

    /**
     * In chunks, each chunk's starts and its "started" marks committed together: a crash resumes where it stopped. A chunk
     * skips the invoices another transaction holds (another run of the period starting them); before the run is called
     * complete, it waits for those and starts what is left — a node that died in the middle of a chunk holds its invoices
     * until the database ends its transaction, and they must not be forgotten.
     */
    private int startProcesses(long runId) {
        int total = 0;
        boolean waitForHeld = false;
        while (true) {
            boolean wait = waitForHeld;
            Integer started = transaction.execute(status -> {
                List<Object[]> invoices = jdbc.sql("""
                        SELECT i.id, i.invoice_no, c.customer_no, i.due_date FROM automation.invoice i
                        JOIN automation.customer c ON c.id = i.customer_id
                        WHERE i.billing_run_id = :run AND i.collections_started_at IS NULL AND i.status = 'open'
                        ORDER BY i.id LIMIT :chunk FOR UPDATE OF i
                        """ + (wait ? "" : " SKIP LOCKED")).param("run", runId).param("chunk", chunk)
                        .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class)}).list();
                for (Object[] invoice : invoices) {
                    LocalDate dueDate = (LocalDate) invoice[3];
                    runtime.startProcessInstanceByKey(PROCESS, (String) invoice[1], Map.of("invoiceId", invoice[1], "customerId", invoice[2],
                            "dueDate", BusinessTime.startOf(dueDate.plusDays(1))));
                    jdbc.sql("UPDATE automation.invoice SET collections_started_at = now() WHERE id = :id").param("id", invoice[0]).update();
                }
                jdbc.sql("UPDATE automation.billing_run SET started = started + :n WHERE id = :id").param("n", invoices.size()).param("id", runId).update();
                return invoices.size();
            });
            total += started;
            if (started == chunk) {
                waitForHeld = false;
                continue;
            }
            long left = jdbc.sql("""
                    SELECT count(*) FROM automation.invoice WHERE billing_run_id = :run AND collections_started_at IS NULL AND status = 'open'
                    """).param("run", runId).query(Long.class).single();
            if (left == 0) {
                return total;
            }
            if (!waitForHeld) {
                log.info("Billing run {}: {} invoices held by another transaction; waiting for it", runId, left);
            }
            waitForHeld = true;
        }
    }
}
