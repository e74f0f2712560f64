package ca.gigafibre.automation.legacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The legacy one-line street address ({@code 123 Rue Principale}, {@code 4-123 rue X}, {@code 123A boul. Y}) split in civic number and street. */
public record StreetLine(String number, String street) {

    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*((?:[0-9A-Za-z]+-)?[0-9]+[A-Za-z]?)\\s*,?\\s+(.+?)\\s*$");

    /** Null when the line has no civic number first. */
    public static StreetLine parse(String line) {
        if (line == null) {
            return null;
        }
        Matcher m = LEADING_NUMBER.matcher(line);
        return m.matches() ? new StreetLine(m.group(1), m.group(2)) : null;
    }
}
