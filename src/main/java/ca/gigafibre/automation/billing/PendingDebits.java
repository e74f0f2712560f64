package ca.gigafibre.automation.billing;

import ca.gigafibre.automation.notification.Bilingual;
import ca.gigafibre.automation.notification.CustomerMessages;
import ca.gigafibre.automation.platform.text.Money;
import java.math.BigDecimal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Bank debits between submission and settlement. Submitted → the invoice is payment-pending (not paid, not overdue).
 * Settled → the payment is recorded and allocated. Returned (NSF, account closed, payment stopped) → the invoice is open
 * again, a returned-payment fee is billed ({@code automation.billing.returned-payment-fee}, no taxes: a fee for a
 * dishonoured payment is not a taxable supply), and the customer is told in their language; past its due date the
 * account's collections case takes it over as for any unpaid invoice.
 */
@Service
public class PendingDebits {

    private final JdbcClient jdbc;
    private final ChargeLedger ledger;
    private final PaymentService payments;
    private final InvoiceService invoices;
    private final CustomerMessages messages;
    private final BigDecimal returnedFee;

    public PendingDebits(JdbcClient jdbc, ChargeLedger ledger, PaymentService payments, InvoiceService invoices, CustomerMessages messages,
                         @Value("${automation.billing.returned-payment-fee:25.00}") BigDecimal returnedFee) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.payments = payments;
        this.invoices = invoices;
        this.messages = messages;
        this.returnedFee = returnedFee;
    }

    public void markPending(String invoiceNo) {
        jdbc.sql("UPDATE automation.invoice SET status = 'payment-pending' WHERE invoice_no = :no AND status = 'open'").param("no", invoiceNo).update();
    }

    /** The debit settled: recorded as the invoice's payment (once, under the attempt's idempotency key). */
    public void settled(ChargeLedger.Attempt charge, String customerNo) {
        String invoice = ledger.invoiceOf(charge.idempotencyKey());
        reopen(invoice);
        payments.record(new NewPayment(customerNo, charge.amount(), "bank".equals(charge.method()) ? "bank-ppa" : charge.method(),
                charge.processorRef(), null), charge.idempotencyKey(), invoice);
        ledger.settlement(charge.idempotencyKey(), false, null);
    }

    /** The debit came back: invoice open again, fee billed, customer told. */
    public void returned(ChargeLedger.Attempt charge, String reason) {
        String invoice = ledger.invoiceOf(charge.idempotencyKey());
        reopen(invoice);
        long customerId = jdbc.sql("SELECT customer_id FROM automation.invoice WHERE invoice_no = :no").param("no", invoice).query(Long.class).single();
        String fee = returnedFee.signum() > 0
                ? invoices.createFee(customerId, "Frais de paiement retourné (" + invoice + ") / Returned payment fee", returnedFee) : null;
        ledger.settlement(charge.idempotencyKey(), true, reason);
        messages.send("payment-returned:" + charge.idempotencyKey(), customerId, "payment-returned", new Bilingual(
                "TARGO : votre prélèvement de " + Money.french(charge.amount()) + " pour la facture " + invoice + " a été refusé par votre banque ("
                        + reason + ")." + (fee == null ? "" : " Des frais de " + Money.french(returnedFee) + " s'appliquent.")
                        + " Payez au client.gigafibre.ca.",
                "TARGO: your bank returned the debit of " + Money.english(charge.amount()) + " for invoice " + invoice + " (" + reason + ")."
                        + (fee == null ? "" : " A fee of " + Money.english(returnedFee) + " applies.") + " Pay at client.gigafibre.ca."));
    }

    private void reopen(String invoiceNo) {
        jdbc.sql("UPDATE automation.invoice SET status = 'open' WHERE invoice_no = :no AND status = 'payment-pending'").param("no", invoiceNo).update();
    }
}
