package ca.gigafibre.automation.platform.text;

import java.math.BigDecimal;
import java.util.Locale;

/** Amounts as customers read them: {@code 1 234,56 $} in French (plain spaces, for SMS), {@code $1,234.56} in English. */
public final class Money {

    private Money() {
    }

    public static String french(BigDecimal amount) {
        return String.format(Locale.CANADA_FRENCH, "%,.2f $", amount).replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    public static String english(BigDecimal amount) {
        return String.format(Locale.CANADA, "$%,.2f", amount);
    }
}
