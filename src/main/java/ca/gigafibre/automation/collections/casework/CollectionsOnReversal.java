package ca.gigafibre.automation.collections.casework;

import ca.gigafibre.automation.billing.PaymentReversed;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A payment taken back reopened invoices: the collections rules look at each account again, as its reverser waits. */
@Component
public class CollectionsOnReversal {

    private final CollectionsCaseFactsLoader caseFacts;
    private final CollectionsCaseDecisions caseDecisions;

    public CollectionsOnReversal(CollectionsCaseFactsLoader caseFacts, CollectionsCaseDecisions caseDecisions) {
        this.caseFacts = caseFacts;
        this.caseDecisions = caseDecisions;
    }

    @EventListener
    public void onReversal(PaymentReversed reversed) {
        reversed.customerIds().forEach(customer -> caseDecisions.decideAndAct(List.of(caseFacts.one(customer)), reversed.why()));
    }
}
