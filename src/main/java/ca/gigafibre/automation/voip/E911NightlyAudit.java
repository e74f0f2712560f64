package ca.gigafibre.automation.voip;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs the 911 audit (mismatches, lines without 911, orphans from our data and the provider's listing), stores
 * what it found, and starts {@code e911-audit-review} for ops when there are problems the previous run did not have.
 */
@Service
public class E911NightlyAudit {

    public static final String REVIEW = "e911-audit-review";
    private static final Logger log = LoggerFactory.getLogger(E911NightlyAudit.class);

    private final E911Reports reports;
    private final JdbcClient jdbc;
    private final RuntimeService runtime;

    public E911NightlyAudit(E911Reports reports, JdbcClient jdbc, RuntimeService runtime) {
        this.reports = reports;
        this.jdbc = jdbc;
        this.runtime = runtime;
    }

    private record Finding(String kind, String did, String details) {
    }

    @Transactional
    public E911AuditRun run() {
        long started = System.nanoTime();
        long runId = jdbc.sql("INSERT INTO automation.e911_audit_run DEFAULT VALUES RETURNING id").query(Long.class).single();
        List<DidReportRow> dids = reports.didReport();
        List<Finding> findings = new ArrayList<>();
        for (DidReportRow row : dids) {
            if ("mismatch".equals(row.syncStatus()) || "missing".equals(row.syncStatus())) {
                findings.add(new Finding(row.syncStatus(), row.did(), row.differingFields()));
            }
        }
        reports.orphans().forEach(o -> findings.add(new Finding("orphan", o.did(), "source: " + o.source())));
        Set<String> previous = previousFindings(runId);
        List<String> newDids = new ArrayList<>();
        for (Finding f : findings) {
            boolean isNew = !previous.contains(f.kind() + ":" + f.did());
            if (isNew) {
                newDids.add(f.did());
            }
            jdbc.sql("INSERT INTO automation.e911_audit_finding (run_id, kind, did, details, is_new) VALUES (:run, :kind, :did, :details, :new)")
                    .param("run", runId).param("kind", f.kind()).param("did", f.did()).param("details", f.details()).param("new", isNew)
                    .update();
        }
        int mismatches = count(findings, "mismatch");
        int missing = count(findings, "missing");
        int orphans = count(findings, "orphan");
        String review = null;
        if (!newDids.isEmpty()) {
            review = runtime.startProcessInstanceByKey(REVIEW, "E911-AUDIT-" + runId, Map.of("auditRunId", runId,
                    "newProblems", newDids.size(), "newProblemDids", String.join(", ", newDids.subList(0, Math.min(200, newDids.size()))),
                    "mismatches", mismatches, "missing", missing, "orphans", orphans)).getId();
        }
        jdbc.sql("""
                UPDATE automation.e911_audit_run SET finished_at = clock_timestamp(), lines = :lines, mismatches = :mismatches, missing = :missing,
                    orphans = :orphans, new_problems = :new, review_process_instance_id = :review WHERE id = :id
                """)
                .param("lines", dids.size()).param("mismatches", mismatches).param("missing", missing).param("orphans", orphans)
                .param("new", newDids.size()).param("review", review).param("id", runId).update();
        log.info("911 audit #{}: {} lines, {} mismatches, {} missing, {} orphans, {} new problems, in {} ms", runId, dids.size(),
                mismatches, missing, orphans, newDids.size(), (System.nanoTime() - started) / 1_000_000);
        return new E911AuditRun(runId, dids.size(), mismatches, missing, orphans, newDids, review);
    }

    private Set<String> previousFindings(long runId) {
        return new HashSet<>(jdbc.sql("""
                SELECT kind || ':' || did FROM automation.e911_audit_finding
                WHERE run_id = (SELECT max(id) FROM automation.e911_audit_run WHERE id < :run AND finished_at IS NOT NULL)
                """).param("run", runId).query(String.class).list());
    }

    private static int count(List<Finding> findings, String kind) {
        return (int) findings.stream().filter(f -> f.kind().equals(kind)).count();
    }
}
