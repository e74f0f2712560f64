package ca.gigafibre.automation.voip.orphan;

import ca.gigafibre.automation.platform.error.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code Task_DeregisterOrphans} of {@code e911-audit-review}: the reviewer chose to remove the orphan registrations this
 * audit found. A DID a line has taken since the audit is kept (listed in {@code orphansKept}); one nobody holds any more
 * is already done. A provider that fails fails the job: retried, then an incident; a retry finds the DIDs already
 * removed gone (404 = done), so each is removed and recorded once.
 */
@Component("deregisterAuditOrphans")
public class DeregisterAuditOrphansDelegate implements JavaDelegate {

    private final JdbcClient jdbc;
    private final OrphanRegistrations orphans;

    public DeregisterAuditOrphansDelegate(JdbcClient jdbc, OrphanRegistrations orphans) {
        this.jdbc = jdbc;
        this.orphans = orphans;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long auditRunId = ((Number) execution.getVariable("auditRunId")).longValue();
        String reviewer = (String) execution.getVariable("reviewedBy");
        List<String> found = jdbc.sql("""
                SELECT did FROM automation.e911_audit_finding WHERE run_id = :run AND kind = 'orphan' ORDER BY did
                """).param("run", auditRunId).query(String.class).list();
        int removed = 0;
        List<String> kept = new ArrayList<>();
        for (String did : found) {
            try {
                orphans.deregister(did, reviewer == null ? "?" : reviewer, "e911-audit-review");
                removed++;
            } catch (NotAnOrphan e) {
                kept.add(did);
            } catch (NotFoundException alreadyGone) {
                // removed since the audit (by hand, or by an earlier try of this job)
            }
        }
        execution.setVariable("orphansDeregistered", removed);
        execution.setVariable("orphansKept", String.join(", ", kept));
    }
}
