package ca.gigafibre.automation.billing.run;

import ca.gigafibre.automation.billing.BillingCutover;
import ca.gigafibre.automation.billing.BillingSettings;
import ca.gigafibre.automation.billing.invoice.InvoiceWriter;
import ca.gigafibre.automation.platform.audit.AuditLog;
import ca.gigafibre.automation.platform.error.NotFoundException;
import ca.gigafibre.automation.platform.time.BusinessTime;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    public static final String PROCESS = InvoiceWriter.PROCESS;
    private static final Logger log = LoggerFactory.getLogger(BillingRunService.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate transaction;
    private final AuditLog audit;
    private final InvoiceWriter writer;
    private final BillingRunDrafts drafts;
    private final BillingCutover cutover;
    private final int chunk;
    private final int workers;

    public BillingRunService(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate transaction, AuditLog audit, InvoiceWriter writer,
                             BillingRunDrafts drafts, BillingCutover cutover, BillingSettings settings) {
        this.writer = writer;
        this.drafts = drafts;
        this.cutover = cutover;
        this.chunk = settings.startChunk();
        this.workers = settings.startWorkers();
        this.jdbc = jdbc;
        this.batch = batch;
        this.transaction = transaction;
        this.audit = audit;
    }

    /** The run of the period, created if new; a period before the cut-over is refused ({@link BillingCutover}). */
    public BillingRunView open(YearMonth period) {
        cutover.requireEngineBills(period);
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
                // the writer applies credit already on the accounts: what it covers is never charged or chased
                return writeInvoices(runId, period);
            });
            long invoicesDone = System.nanoTime();
            int startedProcesses = startProcessesSideBySide(runId);
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

    /** The run's invoices as {@link BillingRunDrafts} computes them, each subscription's billed-through day moved on in the same transaction. */
    private int writeInvoices(long runId, YearMonth period) {
        BillingRunDrafts.Computed computed = drafts.compute(period, runId);
        batch.batchUpdate("UPDATE automation.subscription SET billed_through = ? WHERE id = ?", computed.billedThrough().stream()
                .map(b -> new Object[] {Date.valueOf(b.day()), b.subscriptionId()}).toList());
        // one invoice per account, all written in a few round trips; a credit above the charges stays on the account
        return writer.writeAll(computed.drafts()).size();
    }

    /**
     * {@code automation.billing.start-workers} workers take chunks side by side: one worker's engine work overlaps the
     * other's round trips to PostgreSQL. A chunk is taken with its rows locked ({@link #startProcesses}), so two workers
     * never start the same invoice, as two nodes would not.
     */
    private int startProcessesSideBySide(long runId) {
        if (workers == 1) {
            return startProcesses(runId);
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers, runnable -> new Thread(runnable, "billing-run-start-" + runId));
        try {
            List<Future<Integer>> started = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                started.add(pool.submit(() -> startProcesses(runId)));
            }
            int total = 0;
            for (Future<Integer> worker : started) {
                total += worker.get();
            }
            return total;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("billing run " + runId + " interrupted while starting its processes", e);
        } finally {
            pool.shutdownNow();
        }
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
                List<InvoiceWriter.Collectable> invoices = jdbc.sql("""
                        SELECT i.id, i.invoice_no, c.customer_no, i.due_date FROM automation.invoice i
                        JOIN automation.customer c ON c.id = i.customer_id
                        WHERE i.billing_run_id = :run AND i.collections_started_at IS NULL AND i.status = 'open'
                        ORDER BY i.id LIMIT :chunk FOR UPDATE OF i
                        """ + (wait ? "" : " SKIP LOCKED")).param("run", runId).param("chunk", chunk)
                        .query((rs, n) -> new InvoiceWriter.Collectable(rs.getLong(1), rs.getString(2), rs.getString(3),
                                rs.getObject(4, LocalDate.class))).list();
                writer.startCollections(invoices);
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
