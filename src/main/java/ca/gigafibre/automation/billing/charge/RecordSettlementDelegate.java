package ca.gigafibre.automation.billing.charge;

import ca.gigafibre.automation.billing.returned.RecordReturnedDebitDelegate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RecordSettled}: the pending bank debit settled (recorded as the invoice's payment); a returned one is
 * {@link RecordReturnedDebitDelegate}'s. A debit of a fixed amount below the invoice leaves a rest: {@code chargeOutcome}
 * becomes PART_CHARGED, as for a card, so billing-collections sends the invoice for what is left and follows it to its
 * due date. Idempotent: a retried job finds the attempt no longer pending and does nothing twice.
 */
@Component("recordSettlement")
public class RecordSettlementDelegate implements JavaDelegate {

    private final ChargeLedger ledger;
    private final PendingDebits debits;

    public RecordSettlementDelegate(ChargeLedger ledger, PendingDebits debits) {
        this.ledger = ledger;
        this.debits = debits;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String invoice = execution.getProcessBusinessKey();
        ledger.pendingOf(invoice).ifPresent(pending -> {
            if (!debits.settled(pending).paidInFull(invoice)) {
                execution.setVariable("chargeOutcome", "PART_CHARGED");
            }
        });
    }
}
