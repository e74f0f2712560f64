package ca.gigafibre.automation.rules.scenario;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Expected and actual values written the same way so they compare as text: amounts without trailing zeros
 * ({@code 120.50} = {@code 120.5}), yes/no as true/false, instants as Montreal {@code yyyy-MM-dd HH:mm}.
 */
final class ScenarioValues {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ScenarioValues() {
    }

    static String expected(String cell) {
        BigDecimal number = ScenarioRow.decimalOf(cell);
        if (number != null) {
            return plain(number);
        }
        Boolean flag = ScenarioRow.flagOf(cell);
        return flag != null ? flag.toString() : cell.strip().replace('T', ' ');
    }

    /** @param expected an absent value reads as {@code false} when false is what the row expects (a flag rules set only when true) */
    static String actual(Object value, String expected) {
        if (value == null) {
            return "false".equals(expected) ? "false" : "(aucune/none)";
        }
        if (value instanceof BigDecimal decimal) {
            return plain(decimal);
        }
        if (value instanceof Number number) {
            return plain(new BigDecimal(number.toString()));
        }
        if (value instanceof OffsetDateTime instant) {
            return instant.atZoneSameInstant(ca.gigafibre.automation.platform.time.BusinessTime.ZONE).format(MINUTES);
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        return value.toString();
    }

    static String describe(Map<String, String> values) {
        return values.isEmpty() ? "" : values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ", " {", "}"));
    }

    private static String plain(BigDecimal number) {
        return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
    }
}
