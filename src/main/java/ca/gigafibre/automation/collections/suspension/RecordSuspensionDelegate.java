package ca.gigafibre.automation.collections.suspension;

import ca.gigafibre.automation.customer.CustomerNo;
import ca.gigafibre.automation.customer.CustomerRepository;
import ca.gigafibre.automation.platform.audit.AuditLog;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RecordSuspension}: opens the suspension and marks the account suspended, and keeps its id
 * ({@link #SUSPENSION_ID}). Idempotent: a retried job finds the open suspension of this process instance and changes nothing.
 */
@Component("recordSuspension")
public class RecordSuspensionDelegate implements JavaDelegate {

    /** Process variable: the suspension in force this process recorded or took over (the cut is decided again without it). */
    public static final String SUSPENSION_ID = "suspensionId";

    private final JdbcClient jdbc;
    private final CustomerRepository customers;
    private final AuditLog audit;

    public RecordSuspensionDelegate(JdbcClient jdbc, CustomerRepository customers, AuditLog audit) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.audit = audit;
    }

    /** The staff's note on the request and the approver's note, both kept. */
    private static String note(DelegateExecution execution) {
        String asked = (String) execution.getVariable("suspensionNote");
        String approval = (String) execution.getVariable("approvalNote");
        return asked == null ? approval : approval == null ? asked : asked + " — " + approval;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String customerNo = (String) execution.getVariable("customerId");
        long customerId = customers.idOf(CustomerNo.of(customerNo), "customerId");
        String reason = (String) execution.getVariable("reason");
        int opened = jdbc.sql("""
                INSERT INTO automation.suspension (customer_id, started_at, reason, note, decided_by, process_instance_id,
                                                   requested_by, effective_date)
                SELECT :customer, now(), :reason, :note, :decidedBy, :pid, :requestedBy, CAST(:effectiveDate AS date)
                WHERE NOT EXISTS (SELECT 1 FROM automation.open_suspension WHERE customer_id = :customer)
                """)
                .param("customer", customerId)
                .param("reason", reason == null ? "non-payment" : reason)
                .param("note", note(execution))
                .param("requestedBy", (String) execution.getVariable("requestedBy"))
                .param("effectiveDate", (String) execution.getVariable("effectiveDate"))
                .param("decidedBy", (String) execution.getVariable("approvedBy"))
                .param("pid", execution.getProcessInstanceId())
                .update();
        if (opened == 0) {
            // already suspended: the rules let a suspension through only for abuse or fraud asked on an account suspended
            // for another reason, and the suspension in force takes that reason, so a payment or the sweep no longer lifts it
            jdbc.sql("""
                    UPDATE automation.suspension SET reason = :reason, note = coalesce(:note, note), requested_by = :requestedBy
                    WHERE customer_id = :customer AND ended_at IS NULL AND started_at IS NOT NULL AND reason <> :reason
                    """).param("reason", reason == null ? "non-payment" : reason).param("note", note(execution))
                    .param("requestedBy", (String) execution.getVariable("requestedBy")).param("customer", customerId).update();
        }
        jdbc.sql("UPDATE automation.customer SET status = 'suspended' WHERE id = :id").param("id", customerId).update();
        execution.setVariable(SUSPENSION_ID, jdbc.sql("SELECT id FROM automation.open_suspension WHERE customer_id = :id")
                .param("id", customerId).query(Long.class).single());
        if (opened == 1) {
            audit.record("customer.suspended", "customer", customerNo, reason,
                    Map.of("processInstanceId", execution.getProcessInstanceId(),
                            "decision", String.valueOf(execution.getVariable("decisionExplanation"))));
        }
    }
}
