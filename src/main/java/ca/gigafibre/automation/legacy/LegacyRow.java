package ca.gigafibre.automation.legacy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One row of a legacy table, by lower-case column name, with typed reads that reject what does not fit. */
public final class LegacyRow {

    private final long id;
    private final Map<String, Object> values;

    public LegacyRow(long id, Map<String, Object> values) {
        this.id = id;
        this.values = values;
    }

    public long id() {
        return id;
    }

    public boolean has(String column) {
        return values.containsKey(column);
    }

    public Object raw(String column) {
        return values.get(column);
    }

    /** Trimmed text; null when null or blank. */
    public String text(String column) {
        Object value = values.get(column);
        if (value == null) {
            return null;
        }
        String text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value.toString();
        text = text.strip();
        return text.isEmpty() ? null : text;
    }

    public byte[] bytes(String column) {
        Object value = values.get(column);
        if (value == null) {
            return null;
        }
        return value instanceof byte[] bytes ? bytes : value.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A whole number; null when null or blank. */
    public Long integer(String column) {
        Object value = values.get(column);
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (value instanceof Number n && !(value instanceof BigDecimal)) {
            return n.longValue();
        }
        String text = text(column);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new LegacyValueRejected(column, "'" + text + "' is not a whole number");
        }
    }

    public BigDecimal decimal(String column) {
        Object value = values.get(column);
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        String text = text(column);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new LegacyValueRejected(column, "'" + text + "' is not an amount");
        }
    }

    /** 1, true, Y, O(ui) are true; null, 0, blank, N are false. */
    public boolean flag(String column) {
        Object value = values.get(column);
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.intValue() != 0;
        }
        String text = text(column);
        return text != null && (text.equals("1") || text.equalsIgnoreCase("y") || text.equalsIgnoreCase("yes")
                || text.equalsIgnoreCase("true") || text.equalsIgnoreCase("o") || text.equalsIgnoreCase("oui"));
    }
}
