package ca.gigafibre.automation.assistant;

import ca.gigafibre.automation.assistant.interpret.Slots;
import ca.gigafibre.automation.platform.text.QuebecFormat;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/** Reading slots (asking when one is missing) and writing amounts and dates the Quebec way in summaries. */
final class SlotValues {

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
        return QuebecFormat.money(amount);
    }

    static String moneyEn(BigDecimal amount) {
        return ca.gigafibre.automation.platform.text.Money.english(amount);
    }

    static String dateFr(LocalDate date) {
        return QuebecFormat.day(date);
    }

    static String dateEn(LocalDate date) {
        return QuebecFormat.englishDay(date);
    }

    /** "450 272-2408" as written in Quebec. */
    static String phone(String did) {
        return QuebecFormat.phone(did);
    }
}
