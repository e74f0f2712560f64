package ca.gigafibre.automation.erpnext.shadow;

import ca.gigafibre.automation.billing.ShadowBilling;
import ca.gigafibre.automation.billing.invoice.InvoiceDraft;
import ca.gigafibre.automation.billing.invoice.InvoiceLine;
import ca.gigafibre.automation.billing.invoice.InvoiceTotals;
import ca.gigafibre.automation.billing.run.BillingRunDrafts;
import ca.gigafibre.automation.platform.audit.AuditLog;
import ca.gigafibre.automation.platform.error.NotFoundException;
import ca.gigafibre.automation.platform.time.BusinessTime;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Shadow billing runs: the period computed by the real run's own code ({@link BillingRunDrafts}) and not written — no
 * invoice, no process, nothing posted, no billed-through day moved — then compared per customer with ERPNext's invoices of
 * the period ({@link ErpPeriodInvoices}). Only the customers that differ by a cent or more are kept, with both sides' lines.
 */
@Service
public class ShadowRuns implements ShadowBilling {

    private static final Logger log = LoggerFactory.getLogger(ShadowRuns.class);
    private static final TypeReference<List<DriftLine>> LINES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final BillingRunDrafts drafts;
    private final ErpPeriodInvoices erpInvoices;
    private final ObjectMapper json;
    private final TaskExecutor executor;
    private final AuditLog audit;

    public ShadowRuns(JdbcClient jdbc, BillingRunDrafts drafts, ErpPeriodInvoices erpInvoices, ObjectMapper json,
                      @Qualifier("shadowRunExecutor") TaskExecutor executor, AuditLog audit) {
        this.jdbc = jdbc;
        this.drafts = drafts;
        this.erpInvoices = erpInvoices;
        this.json = json;
        this.executor = executor;
        this.audit = audit;
    }

    /** A new shadow run of the period, computed in the background ({@code GET /api/billing/runs/{id}} for its status). */
    @Override
    public ShadowRunView start(YearMonth period) {
        long id = jdbc.sql("INSERT INTO automation.shadow_run (period, requested_by) VALUES (:period, :who) RETURNING id")
                .param("period", period.toString()).param("who", AuditLog.currentActor()).query(Long.class).single();
        try {
            executor.execute(() -> execute(id));
        } catch (TaskRejectedException e) {
            fail(id, "too many shadow runs queued; ask again later");
        }
        return find(id).orElseThrow();
    }

    /** Computes and compares; a failure (ERPNext down …) leaves the run {@code failed} with its reason. */
    public ShadowRunView execute(long id) {
        YearMonth period = YearMonth.parse(find(id).orElseThrow().period());
        long started = System.nanoTime();
        try {
            List<InvoiceDraft> computed = drafts.compute(period, null).drafts();
            Map<Long, String> customerNos = customerNos();
            Map<String, PeriodTotals> engine = new HashMap<>();
            Map<String, List<InvoiceLine>> engineLines = new HashMap<>();
            for (InvoiceDraft draft : computed) {
                InvoiceTotals totals = InvoiceTotals.of(draft.lines());
                String customer = customerNos.get(draft.customerId());
                engine.put(customer, new PeriodTotals(totals.subtotal(), totals.total()));
                engineLines.put(customer, draft.lines());
            }
            ErpPeriodInvoices.Period erp = erpInvoices.read(period);
            List<String> drifting = PeriodTotals.drifting(engine, erp.totals());
            for (String customer : drifting) {
                PeriodTotals ours = engine.getOrDefault(customer, PeriodTotals.NONE);
                PeriodTotals theirs = erp.totals().getOrDefault(customer, PeriodTotals.NONE);
                List<DriftLine> ourLines = engineLines.getOrDefault(customer, List.of()).stream().map(l -> new DriftLine(null, l.sku(),
                        l.description(), l.quantity(), l.unitPrice(), l.amount(), l.periodStart(), l.periodEnd())).toList();
                List<DriftLine> theirLines = erpInvoices.lines(erp.documents().getOrDefault(customer, List.of()));
                jdbc.sql("""
                        INSERT INTO automation.shadow_drift (run_id, customer_no, engine_net, engine_grand, erp_net, erp_grand, engine_lines, erp_lines)
                        VALUES (:run, :customer, :engineNet, :engineGrand, :erpNet, :erpGrand, CAST(:engineLines AS jsonb), CAST(:erpLines AS jsonb))
                        ON CONFLICT (run_id, customer_no) DO NOTHING
                        """).param("run", id).param("customer", customer).param("engineNet", ours.net()).param("engineGrand", ours.grand())
                        .param("erpNet", theirs.net()).param("erpGrand", theirs.grand()).param("engineLines", write(ourLines))
                        .param("erpLines", write(theirLines)).update();
            }
            jdbc.sql("""
                    UPDATE automation.shadow_run SET status = 'completed', finished_at = now(), engine_customers = :engine,
                        erp_customers = :erp, drifting = :drifting WHERE id = :id
                    """).param("engine", engine.size()).param("erp", erp.totals().size()).param("drifting", drifting.size())
                    .param("id", id).update();
            log.info("Shadow run #{} of {}: {} customers billed by the engine, {} by ERPNext, {} differ, in {} ms", id, period,
                    engine.size(), erp.totals().size(), drifting.size(), (System.nanoTime() - started) / 1_000_000);
            audit.record("billing-run.shadow", "billing-run", String.valueOf(id), null, Map.of("period", period.toString(),
                    "drifting", drifting.size()));
        } catch (RuntimeException e) {
            log.error("Shadow run #{} of {} failed: {}", id, period, e.getMessage(), e);
            fail(id, e.getMessage());
        }
        return find(id).orElseThrow();
    }

    @Override
    public Optional<ShadowRunView> find(long id) {
        return jdbc.sql("""
                SELECT id, period, status, engine_customers, erp_customers, drifting, error, started_at, finished_at
                FROM automation.shadow_run WHERE id = :id
                """).param("id", id)
                .query((rs, n) -> new ShadowRunView(rs.getLong("id"), rs.getString("period"), "shadow", rs.getString("status"),
                        rs.getInt("engine_customers"), rs.getInt("erp_customers"), rs.getInt("drifting"), rs.getString("error"),
                        BusinessTime.read(rs, "started_at"), BusinessTime.read(rs, "finished_at")))
                .optional();
    }

    /** The customers that differ, by customer id. */
    public List<CustomerDrift> drift(long id) {
        find(id).orElseThrow(() -> new NotFoundException("Shadow billing run", String.valueOf(id), "id"));
        return jdbc.sql("""
                SELECT customer_no, engine_net, engine_grand, erp_net, erp_grand, engine_lines::text, erp_lines::text
                FROM automation.shadow_drift WHERE run_id = :id ORDER BY customer_no
                """).param("id", id)
                .query((rs, n) -> new CustomerDrift(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5), read(rs.getString(6)), read(rs.getString(7))))
                .list();
    }

    private Map<Long, String> customerNos() {
        Map<Long, String> nos = new HashMap<>();
        jdbc.sql("SELECT id, customer_no FROM automation.customer").query(rs -> {
            nos.put(rs.getLong(1), rs.getString(2));
        });
        return nos;
    }

    private void fail(long id, String error) {
        jdbc.sql("UPDATE automation.shadow_run SET status = 'failed', finished_at = now(), error = :error WHERE id = :id")
                .param("error", error == null ? "failed" : error).param("id", id).update();
    }

    private String write(List<DriftLine> lines) {
        try {
            return json.writeValueAsString(lines);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<DriftLine> read(String lines) {
        try {
            return json.readValue(lines, LINES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
