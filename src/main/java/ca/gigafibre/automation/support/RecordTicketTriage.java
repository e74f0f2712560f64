package ca.gigafibre.automation.support;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.DecisionEvaluationUtil;
import org.springframework.stereotype.Component;

/**
 * {@code support-resolution / Task_TriageTicket} ends: the DMN {@code ticket-triage}'s answer is recorded on the ticket and
 * the deadline put in {@code slaDueAt}, where {@link MoveSlaTimer} takes it once the start has committed.
 */
@Component("recordTicketTriage")
public class RecordTicketTriage implements ExecutionListener {

    private final TicketTriage triage;

    public RecordTicketTriage(TicketTriage triage) {
        this.triage = triage;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Map<String, Object> decided = ((DmnDecisionResult) execution.getVariable(DecisionEvaluationUtil.DECISION_RESULT_VARIABLE))
                .getSingleResult().getEntryMap();
        OffsetDateTime due = triage.record(execution.getProcessBusinessKey(), decided.get("priority"), decided.get("requiredSkill"),
                ((Number) decided.get("slaHours")).intValue(), Boolean.TRUE.equals(execution.getVariable("outageHint")));
        Date slaDueAt = Date.from(due.toInstant());
        execution.setVariable("slaDueAt", slaDueAt);
        execution.setVariable("remoteActions", 0);
    }
}
