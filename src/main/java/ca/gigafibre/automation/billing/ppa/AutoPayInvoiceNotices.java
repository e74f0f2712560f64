package ca.gigafibre.automation.billing.ppa;

import ca.gigafibre.automation.notification.Bilingual;
import ca.gigafibre.automation.notification.CustomerMessages;
import ca.gigafibre.automation.platform.text.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * The invoice message of an account on pre-authorized payment with a card (or a fixed bank amount): what will be
 * charged and when, once per invoice. Its own key, so a charge that does not happen still lets the plain invoice go out.
 */
@Component
public class AutoPayInvoiceNotices {

    private final CustomerMessages messages;

    public AutoPayInvoiceNotices(CustomerMessages messages) {
        this.messages = messages;
    }

    public void willBeCharged(String invoiceNo, long customerId, BigDecimal amount, LocalDate on) {
        Bilingual date = CustomerDates.of(on);
        messages.send("invoice-ppa:" + invoiceNo, customerId, "invoice-issued", new Bilingual(
                "TARGO : votre facture " + invoiceNo + " est payée par paiement préautorisé : " + Money.french(amount)
                        + " seront prélevés le " + date.french() + ". Rien à faire de votre part.",
                "TARGO: your invoice " + invoiceNo + " is paid by pre-authorized payment: " + Money.english(amount)
                        + " will be charged on " + date.english() + ". Nothing to do on your part."));
    }
}
