package ca.gigafibre.automation.erpnext.shadow;

import ca.gigafibre.automation.billing.run.BillingRunDrafts;
import ca.gigafibre.automation.billing.invoice.InvoiceDraft;
import ca.gigafibre.automation.billing.invoice.InvoiceLine;
import ca.gigafibre.automation.billing.invoice.InvoiceTotals;
import ca.gigafibre.automation.platform.audit.AuditLog;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One shadow run computed: the period by the real run's own code ({@link BillingRunDrafts}) and not written — no invoice,
 * no process, nothing posted, no billed-through day moved — then compared per customer with ERPNext's invoices of the
 * period ({@link ErpPeriodInvoices}). Only the customers that differ by a cent or more are kept, with both sides' lines.
 */
@Component
public class ShadowRunExecution {

    private static final Logger log = LoggerFactory.getLogger(ShadowRunExecution.class);

    private final JdbcClient jdbc;
    private final BillingRunDrafts drafts;
    private final ErpPeriodInvoices erpInvoices;
    private final ObjectMapper json;
    private final AuditLog audit;

    public ShadowRunExecution(JdbcClient jdbc, BillingRunDrafts drafts, ErpPeriodInvoices erpInvoices, ObjectMapper json, AuditLog audit) {
        this.jdbc = jdbc;
        this.drafts = drafts;
        this.erpInvoices = erpInvoices;
        this.json = json;
        this.audit = audit;
    }

    /**
     * Computes and compares; a failure (ERPNext down …) leaves the run {@code failed} with its reason. Run again for a run
     * still {@code running} (its node died in the middle and the job was recovered), it starts over: the drift its first
     * attempt wrote goes. A run already finished is left as it is.
     */
    public void execute(long id) {
        Optional<String> running = jdbc.sql("SELECT period FROM automation.shadow_run WHERE id = :id AND status = 'running'")
                .param("id", id).query(String.class).optional();
        if (running.isEmpty()) {
            log.info("Shadow run #{} is not running (finished, or unknown): nothing to do", id);
            return;
        }
        YearMonth period = YearMonth.parse(running.get());
        long started = System.nanoTime();
        try {
            jdbc.sql("DELETE FROM automation.shadow_drift WHERE run_id = :id").param("id", id).update();
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
            int completed = jdbc.sql("""
                    UPDATE automation.shadow_run SET status = 'completed', finished_at = now(), engine_customers = :engine,
                        erp_customers = :erp, drifting = :drifting WHERE id = :id AND status = 'running'
                    """).param("engine", engine.size()).param("erp", erp.totals().size()).param("drifting", drifting.size())
                    .param("id", id).update();
            if (completed == 0) {
                log.warn("Shadow run #{} finished after it was marked failed (its lease lapsed); left failed", id);
                return;
            }
            log.info("Shadow run #{} of {}: {} customers billed by the engine, {} by ERPNext, {} differ, in {} ms", id, period,
                    engine.size(), erp.totals().size(), drifting.size(), (System.nanoTime() - started) / 1_000_000);
            audit.record("billing-run.shadow", "billing-run", String.valueOf(id), null, Map.of("period", period.toString(),
                    "drifting", drifting.size()));
        } catch (RuntimeException e) {
            log.error("Shadow run #{} of {} failed: {}", id, period, e.getMessage(), e);
            fail(id, e.getMessage());
        }
    }


    private Map<Long, String> customerNos() {
        Map<Long, String> nos = new HashMap<>();
        jdbc.sql("SELECT id, customer_no FROM automation.customer").query(rs -> {
            nos.put(rs.getLong(1), rs.getString(2));
        });
        return nos;
    }

    void fail(long id, String error) {
        jdbc.sql("UPDATE automation.shadow_run SET status = 'failed', finished_at = now(), error = :error WHERE id = :id AND status = 'running'")
                .param("error", error == null ? "failed" : error).param("id", id).update();
    }

    private String write(List<DriftLine> lines) {
        try {
            return json.writeValueAsString(lines);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
