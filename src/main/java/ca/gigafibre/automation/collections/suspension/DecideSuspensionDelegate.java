package ca.gigafibre.automation.collections.suspension;

import ca.gigafibre.automation.customer.CustomerNo;
import ca.gigafibre.automation.collections.SuspensionFacts;
import ca.gigafibre.automation.customer.CustomerRepository;
import ca.gigafibre.automation.rules.DecisionResult;
import ca.gigafibre.automation.rules.RecordedDecisions;
import java.time.OffsetDateTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_DecideSuspension}: asks {@code rules/suspension.drl} whether this account is suspended now (again after
 * every wait and after an approval, so a payment, an arrangement or a weekend in between is seen), logs the decision
 * with its facts, and hands the outcome, the sentence explaining it and the next cut window to the process.
 */
@Component("decideSuspension")
public class DecideSuspensionDelegate implements JavaDelegate {

    public static final String AREA = "suspension";
    /** Process variable: the rules let this suspension cut at any hour (abuse, fraud), outside the cut window. */
    public static final String CUT_ANY_HOUR = "cutAnyHour";

    private final CustomerRepository customers;
    private final SuspensionFactsLoader facts;
    private final RecordedDecisions decisions;

    public DecideSuspensionDelegate(CustomerRepository customers, SuspensionFactsLoader facts, RecordedDecisions decisions) {
        this.customers = customers;
        this.facts = facts;
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DecisionResult result = shown(execution, decide(execution, null, null));
        execution.setVariable(CUT_ANY_HOUR, Boolean.TRUE.equals(result.values().get(CUT_ANY_HOUR)));
        if (result.values().get("nextCutTime") instanceof OffsetDateTime next) {
            execution.setVariable("nextCutTime", Date.from(next.toInstant()));
        }
    }

    /**
     * Right before the cut: the rules decide again on fresh facts, as if this process had not recorded its suspension yet
     * ({@link RecordSuspensionDelegate#SUSPENSION_ID}), so a payment or an arrangement made while the cut waited is seen.
     */
    public DecisionResult decideBeforeCut(DelegateExecution execution) {
        return shown(execution, decideIgnoringOwn(execution));
    }

    /**
     * Right before the phone lines' cut, after the OLT's: decided and logged as {@link #decideBeforeCut}, but the process's
     * variables keep the decision that cut the OLT — the lines are cut on it unless service is to come back.
     */
    public DecisionResult decideBeforeLinesCut(DelegateExecution execution) {
        return decideIgnoringOwn(execution);
    }

    private DecisionResult decideIgnoringOwn(DelegateExecution execution) {
        Object own = execution.getVariable(RecordSuspensionDelegate.SUSPENSION_ID);
        return decide(execution, execution.getProcessInstanceId(), own == null ? null : ((Number) own).longValue());
    }

    private DecisionResult decide(DelegateExecution execution, String ownProcessInstanceId, Long ownSuspensionId) {
        String customerNo = (String) execution.getVariable("customerId");
        long customerId = customers.idOf(CustomerNo.of(customerNo), "customerId");
        boolean requestedByStaff = Boolean.TRUE.equals(execution.getVariable("requestedByStaff"));
        boolean approved = Boolean.TRUE.equals(execution.getVariable("approved"));
        Object effectiveDate = execution.getVariable("effectiveDate");
        SuspensionFacts snapshot = facts.load(customerId, requestedByStaff, approved, (String) execution.getVariable("reason"),
                Boolean.TRUE.equals(execution.getVariable("requestedByAdmin")),
                effectiveDate == null ? null : java.time.LocalDate.parse(effectiveDate.toString()), ownProcessInstanceId, ownSuspensionId);
        Object caseId = execution.getVariable("caseId");
        DecisionResult result = decisions.decide(AREA, snapshot, customerId, caseId == null ? customerNo : caseId.toString(),
                execution.getProcessInstanceId());
        return result;
    }

    /** The decision, its sentence and the rules that fired, as process variables (Cockpit, the gateways, the notice). */
    private static DecisionResult shown(DelegateExecution execution, DecisionResult result) {
        execution.setVariable("suspensionDecision", result.outcome());
        execution.setVariable("decisionExplanation", result.explanation());
        execution.setVariable("rulesFired", String.join(", ", result.rulesFired()));
        return result;
    }
}
