package ca.gigafibre.automation.billing;

import ca.gigafibre.automation.collections.CollectionsCaseDecisions;
import ca.gigafibre.automation.collections.CollectionsCaseFactsLoader;
import java.util.List;
import org.springframework.stereotype.Component;

/** After a reversal reopened invoices, the account's collections rules look at the account again. */
@Component
public class ReversalFollowUp {

    private final CollectionsCaseFactsLoader caseFacts;
    private final CollectionsCaseDecisions caseDecisions;

    public ReversalFollowUp(CollectionsCaseFactsLoader caseFacts, CollectionsCaseDecisions caseDecisions) {
        this.caseFacts = caseFacts;
        this.caseDecisions = caseDecisions;
    }

    public void follow(PaymentReversals.Applied applied, String why) {
        if (!applied.invoicesReopened().isEmpty()) {
            applied.customers().forEach(customer -> caseDecisions.decideAndAct(List.of(caseFacts.one(customer)), why));
        }
    }
}
