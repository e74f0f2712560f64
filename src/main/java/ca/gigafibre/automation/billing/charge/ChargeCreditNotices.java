package ca.gigafibre.automation.billing.charge;

import ca.gigafibre.automation.notification.Bilingual;
import ca.gigafibre.automation.notification.CustomerMessages;
import ca.gigafibre.automation.platform.text.Money;
import ca.gigafibre.automation.platform.time.BusinessHours;
import ca.gigafibre.automation.platform.time.BusinessTime;
import org.springframework.stereotype.Component;

/**
 * Tells the customer that a pre-authorized charge booked late became credit on their account (they had paid the
 * invoice another way meanwhile): once per charge (natural key {@code charge-credit:<idempotency key>}), in their
 * language, only in the notification window; owed notices wait for it.
 */
@Component
public class ChargeCreditNotices {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ChargeCreditNotices.class);

    private final UnbookedCharges charges;
    private final CustomerMessages messages;
    private final BusinessHours hours;

    public ChargeCreditNotices(UnbookedCharges charges, CustomerMessages messages, BusinessHours hours) {
        this.charges = charges;
        this.messages = messages;
        this.hours = hours;
    }

    /** @return how many notices went out now */
    public int sendDue() {
        if (!hours.isNotificationTime(BusinessTime.now())) {
            return 0;
        }
        int sent = 0;
        for (UnbookedCharges.Row charge : charges.creditNoticesDue()) {
            CustomerMessages.Outcome outcome;
            try {
                outcome = messages.send("charge-credit:" + charge.idempotencyKey(), charge.customerId(), "payment-credit", text(charge));
            } catch (RuntimeException e) {
                log.warn("Credit notice for charge {} not sent now (tried again at the next run): {}", charge.idempotencyKey(), e.toString());
                continue;
            }
            charges.creditNoticeSent(charge.id());
            sent += outcome.sentNow() ? 1 : 0;
        }
        return sent;
    }

    private static Bilingual text(UnbookedCharges.Row charge) {
        return new Bilingual("TARGO : votre paiement préautorisé de " + Money.french(charge.amount()) + " pour la facture " + charge.invoiceNo()
                + " a été reçu alors que la facture était déjà payée. Ce montant est porté en crédit à votre compte et réglera vos"
                + " prochaines factures.",
                "TARGO: your pre-authorized payment of " + Money.english(charge.amount()) + " for invoice " + charge.invoiceNo()
                        + " arrived after the invoice was already paid. It is credited to your account and will pay your next invoices.");
    }
}
