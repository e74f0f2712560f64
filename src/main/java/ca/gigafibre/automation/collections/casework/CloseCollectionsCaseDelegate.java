package ca.gigafibre.automation.collections.casework;

import ca.gigafibre.automation.customer.CustomerNo;
import ca.gigafibre.automation.collections.arrangement.ArrangementJudge;
import ca.gigafibre.automation.customer.CustomerRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Closes the account's collections case: as the service task {@code Task_CloseCase} with input {@code caseOutcome}
 * (cleared, written-off), and as the process's end listener, which closes a case still open as cancelled (an instance
 * deleted in Cockpit), so the account can get a new case. A cleared case ends the account's open arrangements as the
 * rules judge them (nothing overdue: kept), so none outlives its case and keeps PPA off or reminders muted.
 */
@Component("closeCollectionsCase")
public class CloseCollectionsCaseDelegate implements JavaDelegate, ExecutionListener {

    private final CollectionsCases cases;
    private final ArrangementJudge arrangements;
    private final CustomerRepository customers;

    public CloseCollectionsCaseDelegate(CollectionsCases cases, ArrangementJudge arrangements, CustomerRepository customers) {
        this.cases = cases;
        this.arrangements = arrangements;
        this.customers = customers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String outcome = (String) execution.getVariableLocal("caseOutcome");
        if ("cleared".equals(outcome)) {
            arrangements.judgeOpenOf(customers.idOf(CustomerNo.of((String) execution.getVariable("customerId")), "customerId"), false,
                    execution.getProcessInstanceId());
        }
        cases.close((String) execution.getVariable("caseId"), outcome);
    }

    @Override
    public void notify(DelegateExecution execution) {
        cases.close((String) execution.getVariable("caseId"), "cancelled");
    }
}
