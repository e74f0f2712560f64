package ca.gigafibre.automation.billing.charge;

import java.util.Locale;
import java.util.Map;

/**
 * Why the bank returned a debit, in the words the returned-debit rules use: {@code NSF}, {@code account-closed},
 * {@code payment-stopped}, {@code not-allowed}, or {@code unknown} (the rules' safe default: no retry). From the
 * processor's code: Payments Canada (CPA Standard 007) return codes as Paysafe relays them for EFT debits, Paysafe's own
 * error codes, and Stripe's failure / decline codes for ACSS debits.
 */
public final class ReturnReasons {

    public static final String NSF = "NSF";
    public static final String ACCOUNT_CLOSED = "account-closed";
    public static final String PAYMENT_STOPPED = "payment-stopped";
    public static final String NOT_ALLOWED = "not-allowed";
    public static final String UNKNOWN = "unknown";

    private static final Map<String, String> BY_CODE = Map.ofEntries(
            // Payments Canada return reasons
            Map.entry("901", NSF), Map.entry("908", NSF),
            Map.entry("905", ACCOUNT_CLOSED), Map.entry("906", ACCOUNT_CLOSED), Map.entry("912", ACCOUNT_CLOSED),
            Map.entry("903", PAYMENT_STOPPED), Map.entry("917", PAYMENT_STOPPED),
            Map.entry("907", NOT_ALLOWED), Map.entry("911", NOT_ALLOWED), Map.entry("915", NOT_ALLOWED), Map.entry("916", NOT_ALLOWED),
            Map.entry("918", NOT_ALLOWED),
            // Paysafe: 3022 insufficient funds
            Map.entry("3022", NSF),
            // Stripe (last_payment_error.code / decline_code)
            Map.entry("insufficient_funds", NSF),
            Map.entry("account_closed", ACCOUNT_CLOSED), Map.entry("bank_account_closed", ACCOUNT_CLOSED), Map.entry("no_account", ACCOUNT_CLOSED),
            Map.entry("debit_not_authorized", PAYMENT_STOPPED), Map.entry("bank_account_unusable", NOT_ALLOWED),
            Map.entry("bank_account_restricted", NOT_ALLOWED), Map.entry("bank_account_frozen", NOT_ALLOWED));

    private ReturnReasons() {
    }

    /** The category of a processor's return code; unknown or missing codes are {@code unknown}. */
    public static String categoryOf(String processorCode) {
        return processorCode == null ? UNKNOWN : BY_CODE.getOrDefault(processorCode.trim().toLowerCase(Locale.ROOT), UNKNOWN);
    }
}
