package ca.gigafibre.automation.assistant;

import ca.gigafibre.automation.assistant.interpret.Slots;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;

/** Reading slots (asking when one is missing) and writing amounts and dates the Quebec way in summaries. */
final class SlotValues {

    private static final Locale FR = Locale.CANADA_FRENCH;
    private static final Locale EN = Locale.CANADA;

    private SlotValues() {
    }

    static String customer(Map<String, Object> slots) {
        return required(slots, Slots.CUSTOMER_ID, "De quel client s'agit-il ?", "Which customer is it?");
    }

    static String required(Map<String, Object> slots, String name, String fr, String en) {
        Object value = slots.get(name);
        if (value == null || value.toString().isBlank()) {
            throw new Clarification(fr, en);
        }
        return value.toString();
    }

    static String optional(Map<String, Object> slots, String name) {
        Object value = slots.get(name);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    static LocalDate date(Map<String, Object> slots, String name) {
        String value = optional(slots, name);
        return value == null ? null : LocalDate.parse(value);
    }

    static String moneyFr(BigDecimal amount) {
        return ca.gigafibre.automation.platform.text.Money.french(amount);
    }

    static String moneyEn(BigDecimal amount) {
        return ca.gigafibre.automation.platform.text.Money.english(amount);
    }

    static String dateFr(LocalDate date) {
        return date.getDayOfMonth() == 1 ? "1er " + DateTimeFormatter.ofPattern("MMMM yyyy", FR).format(date)
                : DateTimeFormatter.ofPattern("d MMMM yyyy", FR).format(date);
    }

    static String dateEn(LocalDate date) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.US).format(date);
    }

    /** "450 272-2408" as written in Quebec. */
    static String phone(String did) {
        return did.length() == 10 ? did.substring(0, 3) + " " + did.substring(3, 6) + "-" + did.substring(6) : did;
    }
}
