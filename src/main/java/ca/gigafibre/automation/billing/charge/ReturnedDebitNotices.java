package ca.gigafibre.automation.billing.charge;

import ca.gigafibre.automation.billing.BillingSettings;
import ca.gigafibre.automation.notification.Bilingual;
import ca.gigafibre.automation.notification.CustomerMessages;
import ca.gigafibre.automation.platform.text.Money;
import java.math.BigDecimal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells the customer their bank returned a debit, once per returned debit, in their language: the fee billed, and
 * what follows — one more try after a new notice, pre-authorized payment switched off, or pay online.
 */
@Component
public class ReturnedDebitNotices {

    private final JdbcClient jdbc;
    private final CustomerMessages messages;
    private final BigDecimal returnedFee;

    public ReturnedDebitNotices(JdbcClient jdbc, CustomerMessages messages,
                                BillingSettings settings) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.returnedFee = settings.returnedPaymentFee();
    }

    private record Debit(long customerId, String invoiceNo, BigDecimal amount, String reason) {
    }

    public void tell(String debitKey, boolean feeBilled, boolean ppaSwitchedOff, boolean retry) {
        Debit d = jdbc.sql("""
                SELECT i.customer_id, i.invoice_no, a.amount, a.return_reason FROM automation.charge_attempt a
                JOIN automation.invoice i ON i.id = a.invoice_id WHERE a.idempotency_key = :key
                """).param("key", debitKey)
                .query((rs, n) -> new Debit(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getString(4))).single();
        String fr = "TARGO : votre prélèvement de " + Money.french(d.amount()) + " pour la facture " + d.invoiceNo()
                + " a été refusé par votre banque (" + d.reason() + ")." + (feeBilled ? " Des frais de " + Money.french(returnedFee) + " s'appliquent." : "");
        String en = "TARGO: your bank returned the debit of " + Money.english(d.amount()) + " for invoice " + d.invoiceNo() + " (" + d.reason() + ")."
                + (feeBilled ? " A fee of " + Money.english(returnedFee) + " applies." : "");
        if (ppaSwitchedOff) {
            fr += " Le paiement préautorisé est retiré de votre compte : payez au client.gigafibre.ca et appelez-nous pour un nouveau mode de paiement.";
            en += " Pre-authorized payment is switched off on your account: pay at client.gigafibre.ca and call us to set up a new payment method.";
        } else if (retry) {
            fr += " Nous tenterons le prélèvement une seule autre fois ; vous recevrez un avis avec le montant et la date.";
            en += " We will try the debit once more only; you will receive a notice with the amount and date.";
        } else {
            fr += " Payez au client.gigafibre.ca.";
            en += " Pay at client.gigafibre.ca.";
        }
        messages.send("payment-returned:" + debitKey, d.customerId(), "payment-returned", new Bilingual(fr, en));
    }
}
