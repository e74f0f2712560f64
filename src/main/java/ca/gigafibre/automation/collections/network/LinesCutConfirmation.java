package ca.gigafibre.automation.collections.network;

import ca.gigafibre.automation.collections.reactivation.ReactivationDecision;
import ca.gigafibre.automation.collections.suspension.ClaimServiceChangeDelegate;
import ca.gigafibre.automation.collections.suspension.DecideSuspensionDelegate;
import ca.gigafibre.automation.customer.CustomerNo;
import ca.gigafibre.automation.customer.CustomerRef;
import ca.gigafibre.automation.customer.CustomerRepository;
import ca.gigafibre.automation.platform.audit.AuditLog;
import java.util.Map;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Right before a suspension cuts the phone lines, after its OLT cut (a retry can come days later): the suspension rules
 * decide again on fresh facts, as before the OLT cut. When they no longer cut, the account is already suspended, so the
 * reactivation rules say whether service comes back (a payment does; an arrangement without its first payment does not).
 * Then the lines are kept: {@link #SERVICE_TO_GIVE_BACK} ends the suspension process, and its end hands the account to the
 * reactivation ({@code SuspensionReleased}), which gives the Internet back. Otherwise the lines are cut.
 */
@Component
public class LinesCutConfirmation {

    /** BPMN error caught on {@code Task_PhoneLinesEmergencyOnly}. */
    public static final String SERVICE_TO_GIVE_BACK = "ServiceToGiveBack";

    private static final Logger log = LoggerFactory.getLogger(LinesCutConfirmation.class);

    private final DecideSuspensionDelegate suspension;
    private final ReactivationDecision reactivation;
    private final CustomerRepository customers;
    private final AuditLog audit;

    public LinesCutConfirmation(DecideSuspensionDelegate suspension, ReactivationDecision reactivation, CustomerRepository customers,
                                AuditLog audit) {
        this.suspension = suspension;
        this.reactivation = reactivation;
        this.customers = customers;
        this.audit = audit;
    }

    /** Returns when the lines are cut; throws {@link BpmnError} ({@link #SERVICE_TO_GIVE_BACK}) when service is to come back. */
    public void confirm(DelegateExecution execution) {
        if ("SUSPEND".equals(suspension.decideBeforeLinesCut(execution).outcome())) {
            return;
        }
        CustomerNo customerNo = CustomerNo.of((String) execution.getVariable("customerId"));
        CustomerRef customer = new CustomerRef(customers.idOf(customerNo, "customerId"), customerNo);
        Object caseId = execution.getVariable("caseId");
        ReactivationDecision.Decided decided = reactivation.decideAndLog(customer, caseId == null ? customerNo.value() : caseId.toString(),
                execution.getProcessInstanceId());
        if (!decided.reactivates()) {
            return;
        }
        execution.setVariable(ClaimServiceChangeDelegate.SERVICE_TO_GIVE_BACK, true);
        audit.record("customer.lines-not-cut", "customer", customerNo.value(), (String) execution.getVariable("reason"),
                Map.of("processInstanceId", execution.getProcessInstanceId(), "decision", decided.result().explanation()));
        log.info("Phone lines of {} not cut: the reactivation rules give service back ({})", customerNo, decided.result().explanationEn());
        throw new BpmnError(SERVICE_TO_GIVE_BACK, decided.result().explanationEn());
    }
}
