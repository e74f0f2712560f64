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
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Shadow billing runs: asked for ({@link #start}), computed in the background as a clustered job ({@link ShadowRunLauncher},
 * {@link ShadowRunExecution}), and read back with the customers that differ ({@link #drift}).
 */
@Service
public class ShadowRuns implements ShadowBilling {

    private static final TypeReference<List<DriftLine>> LINES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final ShadowRunLauncher launcher;
    private final LocalRunLeases leases;

    public ShadowRuns(JdbcClient jdbc, ObjectMapper json, ShadowRunLauncher launcher, LocalRunLeases leases) {
        this.jdbc = jdbc;
        this.json = json;
        this.launcher = launcher;
        this.leases = leases;
    }

    /** A new shadow run of the period, computed in the background ({@code GET /api/billing/runs/{id}} for its status). */
    @Override
    public ShadowRunView start(YearMonth period) {
        long id = jdbc.sql("INSERT INTO automation.shadow_run (period, requested_by) VALUES (:period, :who) RETURNING id")
                .param("period", period.toString()).param("who", AuditLog.currentActor()).query(Long.class).single();
        launcher.launch(id);
        return find(id).orElseThrow();
    }

    @Override
    public Optional<ShadowRunView> find(long id) {
        leases.expireIfLapsed(id);
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

    private List<DriftLine> read(String lines) {
        try {
            return json.readValue(lines, LINES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
