package ca.gigafibre.automation.legacy;

import java.util.Locale;

/** ATA MAC addresses as {@code 00:0B:82:12:34:56}: separators and case are repaired, anything but 12 hex digits is rejected. */
public final class MacNormalizer {

    private MacNormalizer() {
    }

    public static String normalise(String field, String value, Repairs repairs) {
        if (value == null || value.isBlank()) {
            throw new LegacyValueRejected(field, "no MAC address");
        }
        String trimmed = value.strip();
        if (!trimmed.matches("(?i)[0-9a-f]{2}([:\\-.]?[0-9a-f]{2}){5}|[0-9a-f]{4}\\.[0-9a-f]{4}\\.[0-9a-f]{4}")) {
            throw new LegacyValueRejected(field, "'" + trimmed + "' is not a MAC address");
        }
        String hex = trimmed.replaceAll("[^0-9A-Fa-f]", "").toUpperCase(Locale.ROOT);
        String normal = String.join(":", hex.split("(?<=\\G..)"));
        if (!normal.equals(trimmed)) {
            repairs.note(field);
        }
        return normal;
    }
}
