package ca.gigafibre.automation.billing.ppa;

import ca.gigafibre.automation.platform.text.Money;
import ca.gigafibre.automation.platform.time.BusinessHours;
import ca.gigafibre.automation.platform.time.BusinessTime;
import ca.gigafibre.automation.rules.DecisionResult;
import ca.gigafibre.automation.rules.RecordedDecisions;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_NotifyPpaInvoice}, in the notification window, before every pre-authorized charge: the rules decide again
 * on what is open now; a variable bank debit gets its Rule H1 pre-notification (amount and date, the debit date
 * counted from now and on a business day), any other charge the auto-pay invoice message. Sets {@code chargeOnDate}
 * (the debit day at the opening of the notification window, or now) and {@code ppaNoticed}; nothing to charge, or a
 * customer who cannot be reached for the notice, leaves {@code ppaNoticed} false and the invoice is sent instead.
 */
@Component("notifyPpaInvoice")
public class NotifyPpaInvoiceDelegate implements JavaDelegate {

    private final PpaFactsLoader facts;
    private final RecordedDecisions decisions;
    private final BankDebitPreNotices preNotices;
    private final AutoPayInvoiceNotices autoPay;
    private final BusinessHours hours;

    public NotifyPpaInvoiceDelegate(PpaFactsLoader facts, RecordedDecisions decisions, BankDebitPreNotices preNotices,
                                    AutoPayInvoiceNotices autoPay, BusinessHours hours) {
        this.facts = facts;
        this.decisions = decisions;
        this.preNotices = preNotices;
        this.autoPay = autoPay;
        this.hours = hours;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String invoice = execution.getProcessBusinessKey();
        int attempt = ((Number) execution.getVariable("chargeAttempt")).intValue();
        PpaFactsLoader.Loaded loaded = facts.load(invoice, Boolean.TRUE.equals(execution.getVariable("chargeApproved")));
        DecisionResult decided = decisions.decide("ppa", loaded.facts(), loaded.customerId(), invoice + "-notice-" + attempt,
                execution.getProcessInstanceId());
        execution.setVariable("decisionExplanation", decided.explanation());
        execution.setVariable("ppaNoticed", false);
        if (!"CHARGE".equals(decided.outcome())) {
            execution.setVariable("chargeOutcome", "NOTHING_DUE".equals(decided.outcome()) ? "NOTHING_DUE" : "NOT_CHARGED");
            return;
        }
        BigDecimal amount = (BigDecimal) decided.values().get("amount");
        if (Boolean.TRUE.equals(decided.values().get("preNotice"))) {
            Optional<BankDebitPreNotices.Notice> notice = preNotices.notify(invoice, attempt, loaded.customerId(), amount);
            if (notice.isEmpty()) {
                execution.setVariable("decisionExplanation", "Le client ne peut être avisé du prélèvement (ni texto ni courriel) : aucun débit, "
                        + "la facture est envoyée. / The customer cannot be given the debit's pre-notification (no text, no e-mail): no debit, "
                        + "the invoice is sent.");
                execution.setVariable("chargeOutcome", "NOT_CHARGED");
                return;
            }
            execution.setVariable("chargeAmountText", Money.french(notice.get().amount()));
            execution.setVariable("chargeOnDate", hours.notificationOn(notice.get().debitDate()));
        } else {
            LocalDate today = BusinessTime.today();
            LocalDate chargeOn = (LocalDate) decided.values().get("chargeOn");
            boolean later = chargeOn != null && chargeOn.isAfter(today);
            autoPay.willBeCharged(invoice, loaded.customerId(), amount, later ? chargeOn : today);
            execution.setVariable("chargeAmountText", Money.french(amount));
            execution.setVariable("chargeOnDate", later ? hours.notificationOn(chargeOn) : java.util.Date.from(BusinessTime.now().toInstant()));
        }
        execution.setVariable("ppaNoticed", true);
    }
}
