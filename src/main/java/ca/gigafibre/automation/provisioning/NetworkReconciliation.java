package ca.gigafibre.automation.provisioning;

import ca.gigafibre.automation.adapter.olt.OltClient;
import ca.gigafibre.automation.adapter.pbx.PbxClient;
import ca.gigafibre.automation.voip.PbxLineSpecs;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Compares what should be (every installed ONT enabled, or disabled while its account is suspended; every line in
 * the PBX state matching ours; what a finished deactivation removed, gone) with what the OLT manager and the PBX
 * report, and stores the drift of each run.
 */
@Service
public class NetworkReconciliation {

    private static final Logger log = LoggerFactory.getLogger(NetworkReconciliation.class);
    private static final int PARALLEL_CALLS = 16;

    private final JdbcClient jdbc;
    private final OltClient olt;
    private final PbxClient pbx;

    public NetworkReconciliation(JdbcClient jdbc, OltClient olt, PbxClient pbx) {
        this.jdbc = jdbc;
        this.olt = olt;
        this.pbx = pbx;
    }

    public record Result(long runId, int checked, List<NetworkDrift> drifts) {
    }

    public Result run() {
        long started = System.nanoTime();
        long runId = jdbc.sql("INSERT INTO automation.network_reconciliation_run DEFAULT VALUES RETURNING id").query(Long.class).single();
        List<NetworkDrift> drifts = new ArrayList<>();
        List<String[]> onts = jdbc.sql("""
                SELECT e.serial, c.customer_no,
                       CASE WHEN exists(SELECT 1 FROM automation.open_suspension s WHERE s.customer_id = c.id) THEN 'disabled' ELSE 'enabled' END
                FROM automation.equipment e JOIN automation.customer c ON c.id = e.customer_id
                WHERE e.kind = 'ont' AND e.status = 'installed' ORDER BY e.serial
                """).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list();
        List<String[]> lines = jdbc.sql("""
                SELECT l.did, c.customer_no, l.state FROM automation.voip_line l JOIN automation.customer c ON c.id = l.customer_id
                WHERE l.state <> 'cancelled' ORDER BY l.did
                """).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), PbxLineSpecs.pbxStateFor(rs.getString(3))}).list();
        // and the other way: what a deactivation took down must stay gone (an ONT put back, a line re-created by hand)
        List<String[]> removedOnts = jdbc.sql("""
                SELECT DISTINCT e.serial, c.customer_no, 'missing'
                FROM automation.deactivation d JOIN automation.equipment e ON e.location_id = d.location_id
                JOIN automation.customer c ON c.id = e.customer_id
                WHERE d.kind = 'location' AND d.status = 'done' AND e.kind = 'ont' AND e.status IN ('to-return', 'kept', 'returned')
                ORDER BY e.serial
                """).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list();
        List<String[]> removedLines = jdbc.sql("""
                SELECT DISTINCT l.did, c.customer_no, 'missing'
                FROM automation.voip_line l JOIN automation.customer c ON c.id = l.customer_id
                JOIN automation.deactivation d ON d.status IN ('running', 'done')
                     AND (d.did = l.did OR (d.kind = 'location' AND d.location_id = l.location_id))
                WHERE l.state = 'cancelled'
                  AND NOT exists(SELECT 1 FROM automation.voip_line again WHERE again.did = l.did AND again.state <> 'cancelled')
                ORDER BY l.did
                """).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list();
        List<String[]> allOnts = new ArrayList<>(onts);
        allOnts.addAll(removedOnts);
        List<String[]> allLines = new ArrayList<>(lines);
        allLines.addAll(removedLines);
        // one pool for both systems, their questions taken in turn: neither waits for the other to finish, nor gets every call
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_CALLS);
        try {
            List<Future<NetworkDrift>> ontAnswers = new ArrayList<>();
            List<Future<NetworkDrift>> lineAnswers = new ArrayList<>();
            for (int i = 0; i < Math.max(allOnts.size(), allLines.size()); i++) {
                if (i < allOnts.size()) {
                    ontAnswers.add(ask(pool, allOnts.get(i), "olt", serial -> olt.find(serial).map(OltClient.Ont::state).orElse("missing")));
                }
                if (i < allLines.size()) {
                    lineAnswers.add(ask(pool, allLines.get(i), "pbx", did -> pbx.find(did).map(PbxClient.Line::state).orElse("missing")));
                }
            }
            drifts.addAll(differing(ontAnswers));
            drifts.addAll(differing(lineAnswers));
        } finally {
            pool.shutdownNow();
        }
        for (NetworkDrift d : drifts) {
            jdbc.sql("INSERT INTO automation.network_drift (run_id, system, ref, customer_no, expected, actual) VALUES (:run, :system, :ref, :customer, :expected, :actual)")
                    .param("run", runId).param("system", d.system()).param("ref", d.ref()).param("customer", d.customerId())
                    .param("expected", d.expected()).param("actual", d.actual()).update();
        }
        int checked = allOnts.size() + allLines.size();
        jdbc.sql("UPDATE automation.network_reconciliation_run SET finished_at = now(), checked = :checked, drifts = :drifts WHERE id = :id")
                .param("checked", checked).param("drifts", drifts.size()).param("id", runId).update();
        log.info("Network reconciliation #{}: {} ONTs and lines checked, {} drifts, in {} ms", runId, checked, drifts.size(),
                (System.nanoTime() - started) / 1_000_000);
        return new Result(runId, checked, drifts);
    }

    /** Asks the system for one expected {ref, customer, state} on {@code pool}: its drift, or null when it agrees. */
    private static Future<NetworkDrift> ask(ExecutorService pool, String[] expected, String system, Function<String, String> actualState) {
        return pool.submit(() -> {
            String actual = actualState.apply(expected[0]);
            return actual.equals(expected[2]) ? null : new NetworkDrift(system, expected[0], expected[1], expected[2], actual);
        });
    }

    /** The answers that differ from what should be, in the order asked (ref order). */
    private static List<NetworkDrift> differing(List<Future<NetworkDrift>> answers) {
        try {
            List<NetworkDrift> drifts = new ArrayList<>();
            for (Future<NetworkDrift> answer : answers) {
                NetworkDrift drift = answer.get();
                if (drift != null) {
                    drifts.add(drift);
                }
            }
            return drifts;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Network reconciliation interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** The drift of the latest finished run. */
    public List<NetworkDrift> latestDrift() {
        return jdbc.sql("""
                SELECT system, ref, customer_no, expected, actual FROM automation.network_drift
                WHERE run_id = (SELECT max(id) FROM automation.network_reconciliation_run WHERE finished_at IS NOT NULL)
                ORDER BY system, ref
                """).query((rs, n) -> new NetworkDrift(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }
}
