package ca.gigafibre.automation.collections.network;

import ca.gigafibre.automation.customer.CustomerNo;
import ca.gigafibre.automation.collections.suspension.DecideSuspensionDelegate;
import ca.gigafibre.automation.customer.CustomerRepository;
import ca.gigafibre.automation.platform.audit.AuditLog;
import ca.gigafibre.automation.rules.DecisionResult;
import java.util.Map;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Right before the first network cut of a suspension, the rules decide again on fresh facts: a cut postponed to the next
 * cut window, or an incident retried days later, must not cut a customer who paid or made an arrangement meanwhile. When
 * the rules no longer say SUSPEND, the suspension this process recorded ends unused, with the rules' sentence as its
 * reason, the account is active again, and {@link #NO_LONGER_DECIDED} takes the process back to its decision.
 */
@Component
public class CutConfirmation {

    /** BPMN error caught on {@code Task_DisableOnts}: the rules, asked again, do not cut now. */
    public static final String NO_LONGER_DECIDED = "CutNoLongerDecided";

    private static final Logger log = LoggerFactory.getLogger(CutConfirmation.class);

    private final DecideSuspensionDelegate decide;
    private final CustomerRepository customers;
    private final JdbcClient jdbc;
    private final AuditLog audit;

    public CutConfirmation(DecideSuspensionDelegate decide, CustomerRepository customers, JdbcClient jdbc, AuditLog audit) {
        this.decide = decide;
        this.customers = customers;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Returns when the cut goes ahead; throws {@link BpmnError} ({@link #NO_LONGER_DECIDED}) otherwise. */
    public void confirm(DelegateExecution execution) {
        DecisionResult result = decide.decideBeforeCut(execution);
        if ("SUSPEND".equals(result.outcome())) {
            return;
        }
        String customerNo = (String) execution.getVariable("customerId");
        long customerId = customers.idOf(CustomerNo.of(customerNo), "customerId");
        int ended = jdbc.sql("""
                UPDATE automation.suspension SET ended_at = now(), end_reason = :why
                WHERE customer_id = :customer AND process_instance_id = :pid AND started_at IS NOT NULL AND ended_at IS NULL
                """).param("why", result.explanation()).param("customer", customerId).param("pid", execution.getProcessInstanceId()).update();
        jdbc.sql("""
                UPDATE automation.customer c SET status = 'active' WHERE c.id = :customer AND c.status = 'suspended'
                AND NOT EXISTS (SELECT 1 FROM automation.open_suspension s WHERE s.customer_id = c.id)
                """).param("customer", customerId).update();
        if (ended > 0) {
            audit.record("customer.suspension-not-needed", "customer", customerNo, (String) execution.getVariable("reason"),
                    Map.of("processInstanceId", execution.getProcessInstanceId(), "decision", result.explanation()));
        }
        log.info("Suspension of {} not cut: the rules decided {} right before the cut", customerNo, result.outcome());
        throw new BpmnError(NO_LONGER_DECIDED, result.explanationEn());
    }
}
