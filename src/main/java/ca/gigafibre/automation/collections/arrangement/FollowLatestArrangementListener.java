package ca.gigafibre.automation.collections.arrangement;

import ca.gigafibre.automation.customer.CustomerNo;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End listener of the case's {@code ArrangementMade} catching events: the case now follows the account's newest open
 * arrangement (its id, when its due date is checked, when its cutoff is). {@code ArrangementMade} carries no payload, so an
 * arrangement made while the case follows another one (caught only by {@code SubProcess_ArrangementRunning}) does not
 * change what the case follows.
 */
@Component("followLatestArrangement")
public class FollowLatestArrangementListener implements ExecutionListener {

    private final ArrangementService arrangements;

    public FollowLatestArrangementListener(ArrangementService arrangements) {
        this.arrangements = arrangements;
    }

    @Override
    public void notify(DelegateExecution execution) {
        ArrangementView latest = arrangements.latestOpen(CustomerNo.of((String) execution.getVariable("customerId")));
        execution.setVariable("arrangementId", latest.id());
        execution.setVariable("arrangementDueEnd", arrangements.dueCheck(latest.dueDate()));
        execution.setVariable("arrangementCutoffStart", arrangements.cutoffCheck(latest.cutoffDate()));
    }
}
