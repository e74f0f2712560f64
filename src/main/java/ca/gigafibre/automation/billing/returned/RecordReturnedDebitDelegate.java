package ca.gigafibre.automation.billing.returned;

import ca.gigafibre.automation.billing.charge.ChargeLedger;
import ca.gigafibre.automation.billing.charge.PendingDebits;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RecordReturned}: the pending bank debit came back; {@link PendingDebits#returned} reopens the invoice and
 * acts on {@code rules/returned-debit.drl}. Sets what the process does next: {@code retryDebit} (then a new
 * {@code chargeAttempt}, which gets its own pre-notification), and what the customer is told ({@code returnedDebitKey},
 * {@code returnFeeInvoice}, {@code ppaSwitchedOff}). Idempotent: a retried job finds the debit no longer pending.
 */
@Component("recordReturnedDebit")
public class RecordReturnedDebitDelegate implements JavaDelegate {

    private final ChargeLedger ledger;
    private final PendingDebits debits;

    public RecordReturnedDebitDelegate(ChargeLedger ledger, PendingDebits debits) {
        this.ledger = ledger;
        this.debits = debits;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("retryDebit", false);
        execution.setVariable("returnedDebitKey", null);
        ledger.pendingOf(execution.getProcessBusinessKey())
                .flatMap(pending -> debits.returned(pending, (String) execution.getVariable("returnCode"),
                        String.valueOf(execution.getVariable("returnReason")), execution.getProcessInstanceId()))
                .ifPresent(returned -> {
                    execution.setVariable("returnedDebitKey", returned.debitKey());
                    execution.setVariable("returnCategory", returned.category());
                    execution.setVariable("returnFeeInvoice", returned.feeInvoice());
                    execution.setVariable("ppaSwitchedOff", returned.ppaSwitchedOff());
                    execution.setVariable("retryDebit", returned.retry());
                    execution.setVariable("decisionExplanation", returned.explanation());
                    if (returned.retry()) {
                        execution.setVariable("chargeAttempt", ((Number) execution.getVariable("chargeAttempt")).intValue() + 1);
                        execution.setVariable("ppaDecision", "CHARGE");
                    }
                });
    }
}
