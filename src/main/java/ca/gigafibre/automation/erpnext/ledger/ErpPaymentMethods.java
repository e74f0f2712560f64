package ca.gigafibre.automation.erpnext.ledger;

import ca.gigafibre.automation.erpnext.ErpNextSettings;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The engine's payment method of an ERPNext mode of payment: the inverse of {@code automation.erpnext.booking.modes-of-payment}
 * (method → mode), {@value #DEFAULT} for a mode it does not name. When two methods share a mode, the first configured wins.
 */
@Component
class ErpPaymentMethods {

    static final String DEFAULT = "transfer";

    private final ErpNextSettings settings;

    ErpPaymentMethods(ErpNextSettings settings) {
        this.settings = settings;
    }

    String methodOf(String modeOfPayment) {
        Map<String, String> modes = settings.booking().modesOfPayment();
        if (modeOfPayment == null || modes == null) {
            return DEFAULT;
        }
        return modes.entrySet().stream().filter(e -> modeOfPayment.equalsIgnoreCase(e.getValue())).map(Map.Entry::getKey).findFirst()
                .orElse(DEFAULT);
    }
}
