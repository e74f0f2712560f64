package ca.gigafibre.automation.platform.web;

/**
 * A text cell a spreadsheet will not run: one that starts with {@code = + - @} (or a tab or carriage return) gets a
 * leading {@code '} (OWASP's advice against CSV injection), so "=HYPERLINK(...)" in a customer's name stays text.
 */
public final class CsvCells {

    private CsvCells() {
    }

    public static String safe(String value) {
        return value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
