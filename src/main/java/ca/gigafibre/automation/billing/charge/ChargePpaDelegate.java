package ca.gigafibre.automation.billing.charge;

import ca.gigafibre.automation.adapter.ExternalSystemUnavailable;
import ca.gigafibre.automation.adapter.payment.ChargeResult;
import ca.gigafibre.automation.adapter.payment.PaymentProcessors;
import ca.gigafibre.automation.billing.payment.NewPayment;
import ca.gigafibre.automation.billing.payment.PaymentService;
import ca.gigafibre.automation.billing.payment.PaymentView;
import ca.gigafibre.automation.billing.ppa.PpaFactsLoader;
import ca.gigafibre.automation.platform.text.Money;
import ca.gigafibre.automation.platform.time.BusinessHours;
import ca.gigafibre.automation.platform.time.BusinessTime;
import ca.gigafibre.automation.rules.DecisionResult;
import ca.gigafibre.automation.rules.RecordedDecisions;
import ca.gigafibre.automation.workflow.NotNow;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ChargePpa}. Right before the attempt the rules decide again on what is open now and the account's
 * settings now (a payment made meanwhile, a fixed amount, PPA switched off …): nothing to charge → no charge. The
 * attempt is written to the charge ledger and committed before the processor is called; a job retried after a crash
 * or a timeout finds its row and asks the processor what happened to the key before sending anything again. The
 * amount and method come from the decision and the ledger, the customer from the invoice row, never from process variables. A bank debit the processor
 * only accepted (Paysafe PENDING, Stripe processing) is not a payment: the invoice becomes payment-pending. Sets
 * {@code chargeOutcome}: CHARGED, PART_CHARGED (a fixed amount below the invoice: the rest is invoiced and followed),
 * PENDING, NOTHING_DUE or NOT_CHARGED; a decline is the BPMN error CHARGE_DECLINED. When the processor has no record of
 * an unanswered attempt's key, the rules decide again before anything is sent: nothing open any more → the attempt is
 * withdrawn, a smaller balance → the attempt is amended to it. A new attempt is only sent on a business day inside the
 * notification window: a job retried at night or on a Sunday (an incident retried late) waits for the window ({@link NotNow}).
 */
@Component("chargePpa")
public class ChargePpaDelegate implements JavaDelegate {

    public static final String DECLINED = "CHARGE_DECLINED";

    private final PpaFactsLoader facts;
    private final RecordedDecisions decisions;
    private final ChargeLedger ledger;
    private final ChargeRequests requests;
    private final PaymentProcessors processors;
    private final PaymentService payments;
    private final PendingDebits pendingInvoices;
    private final InvoiceOwner owners;
    private final BusinessHours hours;

    public ChargePpaDelegate(PpaFactsLoader facts, RecordedDecisions decisions, ChargeLedger ledger,
                             ChargeRequests requests, PaymentProcessors processors, PaymentService payments, PendingDebits pendingInvoices,
                             InvoiceOwner owners, BusinessHours hours) {
        this.owners = owners;
        this.hours = hours;
        this.pendingInvoices = pendingInvoices;
        this.facts = facts;
        this.decisions = decisions;
        this.ledger = ledger;
        this.requests = requests;
        this.processors = processors;
        this.payments = payments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String invoice = execution.getProcessBusinessKey();
        int attempt = ((Number) execution.getVariable("chargeAttempt")).intValue();
        String key = invoice + "-ppa-" + attempt;
        Optional<ChargeLedger.Attempt> earlier = ledger.find(key);
        ChargeLedger.Attempt charge;
        ChargeResult result;
        if (earlier.isPresent() && earlier.get().answered()) {
            charge = earlier.get();
            result = charge.result();
        } else {
            Optional<ChargeResult> known = earlier.flatMap(e -> processors.lookup(e.method(), key));
            if (known.isPresent()) {
                charge = earlier.get();
                result = known.get();
            } else {
                // never charged (no attempt yet, or the processor has no record of this key): the rules decide on what is open now
                OffsetDateTime now = BusinessTime.now();
                if (!hours.isNotificationTime(now)) {
                    throw new NotNow("Charge of " + invoice + " outside business hours", hours.nextNotificationTime(now));
                }
                DecisionResult decided = decide(execution, invoice, key);
                if (!"CHARGE".equals(decided.outcome())) {
                    earlier.ifPresent(e -> ledger.withdraw(key));
                    execution.setVariable("chargeOutcome", "NOTHING_DUE".equals(decided.outcome()) ? "NOTHING_DUE" : "NOT_CHARGED");
                    return;
                }
                BigDecimal amount = (BigDecimal) decided.values().get("amount");
                String method = (String) decided.values().get("method");
                charge = earlier.isPresent() ? ledger.amend(key, amount, method) : ledger.request(invoice, attempt, amount, method, key);
                result = send(invoice, charge);
            }
        }
        execution.setVariable("chargeAmountText", Money.french(charge.amount()));
        ledger.settle(key, result);
        if (result.declined()) {
            execution.setVariable("declineReason", result.declineReason());
            execution.setVariable("chargeOutcome", "DECLINED");
            throw new BpmnError(DECLINED, "Charge of " + invoice + " declined: " + result.declineReason());
        }
        execution.setVariable("chargeReference", result.reference());
        if ("PENDING".equals(result.status())) {
            // submitted to the bank, not paid: the invoice waits for the settlement or the return
            pendingInvoices.markPending(invoice);
            execution.setVariable("chargeOutcome", "PENDING");
            return;
        }
        // booked to the invoice's customer (the business key's row), whatever the customerId variable says
        PaymentView payment = payments.record(new NewPayment(owners.customerNoOf(invoice), charge.amount(),
                "bank".equals(charge.method()) ? "bank-ppa" : charge.method(), result.reference(), null), key, invoice);
        // a fixed amount below the invoice leaves a rest: PART_CHARGED takes the gateway's default path, so the invoice
        // is sent for what is left and followed to its due date and collections like any unpaid invoice
        execution.setVariable("chargeOutcome", payment.paidInFull(invoice) ? "CHARGED" : "PART_CHARGED");
    }

    private DecisionResult decide(DelegateExecution execution, String invoice, String key) {
        PpaFactsLoader.Loaded loaded = facts.load(invoice, Boolean.TRUE.equals(execution.getVariable("chargeApproved")));
        DecisionResult decided = decisions.decide("ppa", loaded.facts(), loaded.customerId(), key, execution.getProcessInstanceId());
        execution.setVariable("decisionExplanation", decided.explanation());
        return decided;
    }

    private ChargeResult send(String invoice, ChargeLedger.Attempt charge) {
        try {
            return processors.charge(requests.build(invoice, charge.method(), charge.amount(), charge.idempotencyKey()));
        } catch (ExternalSystemUnavailable e) {
            ledger.unknown(charge.idempotencyKey());
            throw e;
        }
    }
}
