package ca.gigafibre.automation.billing.charge;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RecordSettled}: the pending bank debit settled (recorded as the invoice's payment); a returned one is
 * {@link RecordReturnedDebitDelegate}'s. Idempotent: a retried job finds the attempt no longer pending and does nothing twice.
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
        ledger.pendingOf(execution.getProcessBusinessKey()).ifPresent(pending -> debits.settled(pending));
    }
}
