package ca.gigafibre.automation.collections;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why an account is suspended, as the API, the rules and the suspension row name it. What each reason needs (notice, cut
 * window, approval) and what may lift it is decided in {@code rules/suspension.drl} and {@code rules/reactivation.drl}.
 */
public enum SuspensionReason {
    NON_PAYMENT("non-payment"),
    CUSTOMER_REQUEST("customer-request"),
    ABUSE("abuse"),
    FRAUD("fraud");

    private final String code;

    SuspensionReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<SuspensionReason> of(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }

    /** "non-payment | customer-request | abuse | fraud", for error messages. */
    public static String codes() {
        return String.join(" | ", Arrays.stream(values()).map(SuspensionReason::code).toList());
    }
}
