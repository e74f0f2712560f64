package ca.gigafibre.automation.collections;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Closes the account's collections case: as the service task {@code Task_CloseCase} with input {@code caseOutcome}
 * (cleared, written-off), and as the process's end listener, which closes a case still open as cancelled (an instance
 * deleted in Cockpit), so the account can get a new case.
 */
@Component("closeCollectionsCase")
public class CloseCollectionsCaseDelegate implements JavaDelegate, ExecutionListener {

    private final CollectionsCases cases;

    public CloseCollectionsCaseDelegate(CollectionsCases cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cases.close((String) execution.getVariable("caseId"), (String) execution.getVariableLocal("caseOutcome"));
    }

    @Override
    public void notify(DelegateExecution execution) {
        cases.close((String) execution.getVariable("caseId"), "cancelled");
    }
}
