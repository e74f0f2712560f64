package ca.gigafibre.automation.collections.casework;

import ca.gigafibre.automation.customer.CustomerNo;
import ca.gigafibre.automation.customer.CustomerRepository;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code billing-collections / Task_HandOverToCollections}: the invoice's due date has passed. The account is asked
 * about afresh ({@code rules/collections-case.drl}, a payment may have been missed by the message): overdue with no
 * case → the case opens; a case already open takes this invoice along (its task and reminders read every overdue
 * invoice). Sets {@code caseId} when a case follows the account.
 */
@Component("handOverToCollections")
public class HandOverToCollectionsDelegate implements JavaDelegate {

    private final CustomerRepository customers;
    private final CollectionsCaseFactsLoader facts;
    private final CollectionsCaseDecisions decisions;
    private final CollectionsCases cases;

    public HandOverToCollectionsDelegate(CustomerRepository customers, CollectionsCaseFactsLoader facts, CollectionsCaseDecisions decisions,
                                         CollectionsCases cases) {
        this.customers = customers;
        this.facts = facts;
        this.decisions = decisions;
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long customerId = customers.idOf(CustomerNo.of((String) execution.getVariable("customerId")), "customerId");
        decisions.decideAndAct(List.of(facts.one(customerId)), execution.getProcessBusinessKey());
        cases.openCaseOf(customerId).ifPresent(caseNo -> execution.setVariable("caseId", caseNo));
    }
}
