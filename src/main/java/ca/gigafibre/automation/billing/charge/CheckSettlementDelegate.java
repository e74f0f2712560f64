package ca.gigafibre.automation.billing.charge;

import ca.gigafibre.automation.adapter.payment.PaymentProcessors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_CheckSettlement}: asks the processor where the invoice's submitted bank debit stands (the webhook may
 * tell first). Sets {@code settlement}: COMPLETED, RETURNED (and {@code returnReason}, {@code returnCode}) or PENDING.
 */
@Component("checkSettlement")
public class CheckSettlementDelegate implements JavaDelegate {

    private final ChargeLedger ledger;
    private final PaymentProcessors processors;

    public CheckSettlementDelegate(ChargeLedger ledger, PaymentProcessors processors) {
        this.ledger = ledger;
        this.processors = processors;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ChargeLedger.Attempt pending = ledger.pendingOf(execution.getProcessBusinessKey()).orElseThrow(() -> new IllegalStateException(
                "No pending bank debit for " + execution.getProcessBusinessKey()));
        PaymentProcessors.Settlement settlement = processors.settlement(pending.method(), pending.processorRef());
        execution.setVariable("settlement", settlement.status());
        execution.setVariable("returnReason", settlement.reason());
        execution.setVariable("returnCode", settlement.code());
    }
}
