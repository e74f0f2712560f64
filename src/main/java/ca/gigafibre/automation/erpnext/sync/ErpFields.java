package ca.gigafibre.automation.erpnext.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Reads Frappe field values (empty strings and nulls are "not set"); a malformed value is {@link Unmappable}. */
final class ErpFields {

    private ErpFields() {
    }

    static String text(ObjectNode doc, String field) {
        JsonNode value = doc.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    static String required(ObjectNode doc, String field) {
        String text = text(doc, field);
        if (text == null) {
            throw new Unmappable(field, "missing");
        }
        return text;
    }

    /**
     * The engine's business id of a document: ERPNext's name, or — for a document the engine created and posted (it
     * carries {@code custom_engine_id}) — the engine's own id, so the engine's row is updated rather than copied.
     */
    static String engineKey(ObjectNode doc) {
        String engineId = text(doc, "custom_engine_id");
        return engineId != null ? engineId : required(doc, "name");
    }

    static LocalDate date(ObjectNode doc, String field) {
        String text = text(doc, field);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new Unmappable(field, "not a date (YYYY-MM-DD): " + text);
        }
    }

    static BigDecimal money(ObjectNode doc, String field) {
        String text = text(doc, field);
        if (text == null) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(text);
            if (amount.signum() < 0) {
                throw new Unmappable(field, "negative: " + text);
            }
            return amount.setScale(2, RoundingMode.HALF_UP);
        } catch (NumberFormatException e) {
            throw new Unmappable(field, "not an amount: " + text);
        }
    }

    static Integer integer(ObjectNode doc, String field) {
        String text = text(doc, field);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new Unmappable(field, "not a whole number: " + text);
        }
    }

    static BigDecimal decimal(ObjectNode doc, String field) {
        String text = text(doc, field);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new Unmappable(field, "not a number: " + text);
        }
    }

    /** Frappe's check fields: 0/1 (also true/false). */
    static boolean flag(ObjectNode doc, String field) {
        String text = text(doc, field);
        return text != null && (text.equals("1") || text.equalsIgnoreCase("true"));
    }

    /** {@code custom_billing_frequency}: Monthly / Annual / One-time. */
    static String frequency(ObjectNode doc, String field) {
        String text = text(doc, field);
        if (text == null) {
            return null;
        }
        return switch (text.toLowerCase(java.util.Locale.ROOT).replace(' ', '-')) {
            case "monthly" -> "monthly";
            case "annual", "yearly" -> "annual";
            case "one-time", "onetime", "once" -> "one-time";
            default -> throw new Unmappable(field, "unknown billing frequency: " + text);
        };
    }
}
