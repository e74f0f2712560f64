package ca.gigafibre.automation.billing.charge;

import ca.gigafibre.automation.billing.BillingSettings;
import ca.gigafibre.automation.billing.ReturnedDebitFacts;
import ca.gigafibre.automation.billing.invoice.InvoiceService;
import ca.gigafibre.automation.billing.payment.NewPayment;
import ca.gigafibre.automation.billing.payment.PaymentService;
import ca.gigafibre.automation.billing.payment.PaymentView;
import ca.gigafibre.automation.billing.ppa.PpaSettingsService;
import ca.gigafibre.automation.platform.time.BusinessTime;
import ca.gigafibre.automation.rules.DecisionResult;
import ca.gigafibre.automation.rules.RecordedDecisions;
import java.math.BigDecimal;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Bank debits between submission and settlement. Submitted → the invoice is payment-pending (not paid, not overdue).
 * Settled → the payment is recorded and allocated. Returned → claimed once (the ledger row goes from pending to
 * returned, with the reason's category), the invoice is open again and {@code rules/returned-debit.drl} decides what
 * follows: a returned-payment fee ({@code automation.billing.returned-payment-fee}, no taxes: a fee for a dishonoured
 * payment is not a taxable supply; one per returned debit, never debited from the account that returned), pre-authorized
 * payment switched off (account closed, payment stopped), one more try after a first NSF. The customer is told later, in
 * the notification window ({@link ReturnedDebitNotices}).
 */
@Service
public class PendingDebits {

    private final JdbcClient jdbc;
    private final ChargeLedger ledger;
    private final PaymentService payments;
    private final InvoiceService invoices;
    private final RecordedDecisions decisions;
    private final PpaSettingsService ppaSettings;
    private final BigDecimal returnedFee;
    private final InvoiceOwner owners;

    public PendingDebits(JdbcClient jdbc, ChargeLedger ledger, PaymentService payments, InvoiceService invoices, RecordedDecisions decisions, PpaSettingsService ppaSettings,
                         BillingSettings settings, InvoiceOwner owners) {
        this.owners = owners;
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.payments = payments;
        this.invoices = invoices;
        this.decisions = decisions;
        this.ppaSettings = ppaSettings;
        this.returnedFee = settings.returnedPaymentFee();
    }

    /** What a returned debit led to, for the process and the customer's message. */
    public record Returned(String debitKey, String invoiceNo, String category, String feeInvoice, boolean ppaSwitchedOff, boolean retry,
                           String explanation) {
    }

    public void markPending(String invoiceNo) {
        jdbc.sql("UPDATE automation.invoice SET status = 'payment-pending' WHERE invoice_no = :no AND status = 'open'").param("no", invoiceNo).update();
    }

    /** The debit settled: recorded as the invoice's payment to the invoice's customer (once, under the attempt's idempotency key). */
    public PaymentView settled(ChargeLedger.Attempt charge) {
        String invoice = ledger.invoiceOf(charge.idempotencyKey());
        reopen(invoice);
        PaymentView payment = payments.record(new NewPayment(owners.customerNoOf(invoice), charge.amount(), "bank".equals(charge.method()) ? "bank-ppa" : charge.method(),
                charge.processorRef(), null), charge.idempotencyKey(), invoice);
        ledger.settlement(charge.idempotencyKey(), false, null);
        return payment;
    }

    /**
     * The debit came back. Only the first caller for this debit acts (the ledger row's state is the claim); a later one
     * gets empty.
     *
     * @param processorCode the processor's return code (Payments Canada, Paysafe or Stripe), mapped by {@link ReturnReasons}
     * @param reason the processor's own words, kept in the ledger and shown to the customer
     */
    public Optional<Returned> returned(ChargeLedger.Attempt charge, String processorCode, String reason, String processInstanceId) {
        String key = charge.idempotencyKey();
        String category = ReturnReasons.categoryOf(processorCode);
        int claimed = jdbc.sql("""
                UPDATE automation.charge_attempt SET state = 'returned', return_reason = :reason, return_category = :category, updated_at = :now
                WHERE idempotency_key = :key AND state = 'pending'
                """).param("reason", reason).param("category", category).param("now", BusinessTime.now()).param("key", key).update();
        if (claimed == 0) {
            return Optional.empty();
        }
        String invoice = ledger.invoiceOf(key);
        reopen(invoice);
        return Optional.of(decide(key, invoice, category, processInstanceId));
    }

    /**
     * A bank debit returned after it settled (a PAD return within 90 days, found by the charge reconciler once its process
     * ended): the payment is already reversed; {@code rules/returned-debit.drl} decides the fee and PPA as for any return.
     * The rules' retry is run by {@link ReturnedInvoiceFollowUp}, which follows the reopened invoice again.
     */
    public Returned returnedAfterSettlement(String debitKey, String processorCode) {
        String category = ReturnReasons.categoryOf(processorCode);
        jdbc.sql("UPDATE automation.charge_attempt SET return_category = :category WHERE idempotency_key = :key")
                .param("category", category).param("key", debitKey).update();
        return decide(debitKey, ledger.invoiceOf(debitKey), category, null);
    }

    private Returned decide(String key, String invoice, String category, String processInstanceId) {
        long customerId = jdbc.sql("SELECT customer_id FROM automation.invoice WHERE invoice_no = :no").param("no", invoice).query(Long.class).single();
        ReturnedDebitFacts facts = jdbc.sql("""
                SELECT exists(SELECT 1 FROM automation.invoice_line l WHERE l.invoice_id = i.id AND l.sku = 'FEE-RETURNED'),
                       (SELECT count(*) FROM automation.charge_attempt a WHERE a.invoice_id = i.id AND a.return_category = 'NSF'
                        AND a.idempotency_key <> :key)
                FROM automation.invoice i WHERE i.invoice_no = :no
                """).param("key", key).param("no", invoice)
                .query((rs, n) -> new ReturnedDebitFacts(key, invoice, category, rs.getBoolean(1), rs.getInt(2))).single();
        DecisionResult decided = decisions.decide("returned-debit", facts, customerId, key, processInstanceId);
        String fee = Boolean.TRUE.equals(decided.values().get("fee")) && returnedFee.signum() > 0
                ? invoices.createFee(customerId, "Frais de paiement retourné (" + invoice + ") / Returned payment fee", returnedFee) : null;
        boolean ppaOff = Boolean.TRUE.equals(decided.values().get("ppaOff")) && ppaSettings.switchOffBankDebits(customerId,
                "bank returned " + key + ": " + category);
        return new Returned(key, invoice, category, fee, ppaOff, Boolean.TRUE.equals(decided.values().get("retry")),
                decided.explanation());
    }

    private void reopen(String invoiceNo) {
        jdbc.sql("UPDATE automation.invoice SET status = 'open' WHERE invoice_no = :no AND status = 'payment-pending'").param("no", invoiceNo).update();
    }
}
