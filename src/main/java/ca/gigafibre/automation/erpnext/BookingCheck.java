package ca.gigafibre.automation.erpnext;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * With ERPNext on, the engine does not start without knowing where ERPNext books what it posts: company, TPS, TVQ and
 * receivable accounts, default price list, and a mode of payment and a bank or cash account for every payment method it
 * records.
 */
@Component
@ConditionalOnProperty(name = "automation.erpnext.enabled", havingValue = "true")
public class BookingCheck {

    /** The payment methods the engine records and posts ({@code payment.method}; a credit note's credit is not posted). */
    public static final List<String> POSTED_PAYMENT_METHODS = List.of("stripe", "paysafe", "bank-ppa", "portal", "cheque", "cash", "phone",
            "transfer");

    public BookingCheck(ErpNextSettings settings) {
        List<String> missing = missing(settings.booking());
        if (!missing.isEmpty()) {
            throw new IllegalStateException("automation.erpnext.enabled is true but ERPNext's booking is incomplete; set "
                    + String.join(", ", missing));
        }
    }

    /** The full names of the settings left empty. */
    public static List<String> missing(ErpNextSettings.Booking booking) {
        String prefix = "automation.erpnext.booking.";
        List<String> missing = new ArrayList<>();
        require(missing, prefix + "company", booking.company());
        require(missing, prefix + "tps-account", booking.tpsAccount());
        require(missing, prefix + "tvq-account", booking.tvqAccount());
        require(missing, prefix + "receivable-account", booking.receivableAccount());
        require(missing, prefix + "default-price-list", booking.defaultPriceList());
        for (String method : POSTED_PAYMENT_METHODS) {
            require(missing, prefix + "modes-of-payment." + method, booking.modesOfPayment().get(method));
        }
        for (String method : POSTED_PAYMENT_METHODS) {
            require(missing, prefix + "payment-accounts." + method, booking.paymentAccounts().get(method));
        }
        return missing;
    }

    private static void require(List<String> missing, String key, String value) {
        if (value == null || value.isBlank()) {
            missing.add(key);
        }
    }
}
