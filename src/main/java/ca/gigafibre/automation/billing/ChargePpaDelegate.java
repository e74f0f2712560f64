package ca.gigafibre.automation.billing;

import ca.gigafibre.automation.adapter.payment.ChargeResult;
import ca.gigafibre.automation.adapter.payment.PaymentProcessors;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ChargePpa}: charges the invoice and records the payment in the same job. The idempotency key is the
 * invoice and the attempt number, so a retried job (timeout, crash after the charge and before the commit) gets
 * the processor's first answer back instead of a second charge, and the payment is recorded once.
 */
@Component("chargePpa")
public class ChargePpaDelegate implements JavaDelegate {

    public static final String DECLINED = "CHARGE_DECLINED";

    private final ChargeRequests requests;
    private final PaymentProcessors processors;
    private final PaymentService payments;

    public ChargePpaDelegate(ChargeRequests requests, PaymentProcessors processors, PaymentService payments) {
        this.requests = requests;
        this.processors = processors;
        this.payments = payments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String invoice = execution.getProcessBusinessKey();
        String method = (String) execution.getVariable("chargeMethod");
        BigDecimal amount = new BigDecimal((String) execution.getVariable("chargeAmount"));
        String key = invoice + "-ppa-" + execution.getVariable("chargeAttempt");
        ChargeResult result = processors.charge(requests.build(invoice, method, amount, key));
        if (result.declined()) {
            execution.setVariable("declineReason", result.declineReason());
            throw new BpmnError(DECLINED, "Charge of " + invoice + " declined: " + result.declineReason());
        }
        payments.record(new NewPayment((String) execution.getVariable("customerId"), amount,
                "bank".equals(method) ? "bank-ppa" : method, result.reference(), null), key, invoice);
        execution.setVariable("chargeReference", result.reference());
    }
}
