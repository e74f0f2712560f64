package ca.gigafibre.automation.rules.scenario;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One case of a scenario table: its line in the file and its cells by column. Blank cells take the default the adapter
 * gives; a cell that cannot be read is a {@link ScenarioInputException} naming the column and the value.
 */
public final class ScenarioRow {

    private static final Set<String> YES = Set.of("oui", "o", "yes", "y", "vrai", "true", "x", "1");
    private static final Set<String> NO = Set.of("non", "n", "no", "faux", "false", "0");

    private final int line;
    private final Map<ScenarioColumn, String> cells;

    ScenarioRow(int line, Map<ScenarioColumn, String> cells) {
        this.line = line;
        this.cells = cells;
    }

    public int line() {
        return line;
    }

    public boolean isBlank(ScenarioColumn column) {
        String value = cells.get(column);
        return value == null || value.isBlank();
    }

    public String text(ScenarioColumn column, String otherwise) {
        return isBlank(column) ? otherwise : cells.get(column).strip();
    }

    /** oui/non, yes/no, vrai/faux, true/false, x, 1/0; blank is no. */
    public boolean flag(ScenarioColumn column) {
        if (isBlank(column)) {
            return false;
        }
        Boolean value = flagOf(cells.get(column));
        if (value == null) {
            throw new ScenarioInputException(column, cells.get(column), "oui/non (yes/no)");
        }
        return value;
    }

    /** A decimal with a point or a comma ({@code 120.01}, {@code 120,01}); blank gives {@code otherwise} (may be null). */
    public BigDecimal decimal(ScenarioColumn column, BigDecimal otherwise) {
        if (isBlank(column)) {
            return otherwise;
        }
        BigDecimal value = decimalOf(cells.get(column));
        if (value == null) {
            throw new ScenarioInputException(column, cells.get(column), "un montant (an amount), e.g. 120.01");
        }
        return value;
    }

    public Integer integer(ScenarioColumn column, Integer otherwise) {
        if (isBlank(column)) {
            return otherwise;
        }
        try {
            return Integer.valueOf(cells.get(column).strip());
        } catch (NumberFormatException e) {
            throw new ScenarioInputException(column, cells.get(column), "un nombre entier (a whole number)");
        }
    }

    /** {@code 2026-12-24}; blank gives {@code otherwise} (may be null). */
    public LocalDate date(ScenarioColumn column, LocalDate otherwise) {
        if (isBlank(column)) {
            return otherwise;
        }
        try {
            return LocalDate.parse(cells.get(column).strip());
        } catch (DateTimeParseException e) {
            throw new ScenarioInputException(column, cells.get(column), "une date AAAA-MM-JJ (a date YYYY-MM-DD)");
        }
    }

    /** {@code 2026-12-24 10:00} (or with a T), Montreal time. */
    public LocalDateTime dateTime(ScenarioColumn column, LocalDateTime otherwise) {
        if (isBlank(column)) {
            return otherwise;
        }
        try {
            return LocalDateTime.parse(cells.get(column).strip().replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            throw new ScenarioInputException(column, cells.get(column), "une date et heure AAAA-MM-JJ HH:MM (YYYY-MM-DD HH:MM)");
        }
    }

    static Boolean flagOf(String cell) {
        String value = cell.strip().toLowerCase(Locale.ROOT);
        return YES.contains(value) ? Boolean.TRUE : NO.contains(value) ? Boolean.FALSE : null;
    }

    static BigDecimal decimalOf(String cell) {
        try {
            return new BigDecimal(cell.strip().replace(',', '.').replace(" ", "").replace("$", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
