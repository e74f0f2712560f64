package ca.gigafibre.automation.erpnext.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Reads the fields of an ERPNext document as Frappe sends them (numbers as numbers or strings, dates "YYYY-MM-DD", empty = absent). */
final class ErpFields {

    private ErpFields() {
    }

    static String text(JsonNode doc, String field) {
        JsonNode value = doc.path(field);
        return value.isMissingNode() || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }

    /** Money to the cent; absent = zero. */
    static BigDecimal money(JsonNode doc, String field) {
        String value = text(doc, field);
        return value == null ? BigDecimal.ZERO.setScale(2) : new BigDecimal(value).setScale(2, RoundingMode.HALF_UP);
    }

    static BigDecimal decimal(JsonNode doc, String field, BigDecimal absent) {
        String value = text(doc, field);
        return value == null ? absent : new BigDecimal(value);
    }

    /** A date, or null when absent or not a date. */
    static LocalDate date(JsonNode doc, String field) {
        String value = text(doc, field);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Set by the engine when it posted the document: such documents are the engine's own and never synced back in. */
    static boolean postedByEngine(JsonNode doc) {
        return text(doc, "custom_engine_id") != null;
    }
}
