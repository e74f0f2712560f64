package ca.gigafibre.automation.legacy;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Canadian postal codes as the engine writes them, {@code J2G 4K7}: case and spacing are repaired ({@code j2g4k7},
 * {@code J2G-4K7}); a code that is not Canadian (a ZIP code, letters D F I O Q U, W or Z first) is rejected.
 */
public final class PostalCodeNormalizer {

    private static final Pattern CANADIAN = Pattern.compile("[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z][0-9][ABCEGHJ-NPRSTV-Z][0-9]");

    private PostalCodeNormalizer() {
    }

    public static String normalise(String field, String value, Repairs repairs) {
        if (value == null || value.isBlank()) {
            throw new LegacyValueRejected(field, "no postal code");
        }
        String compact = value.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s\\-]", "");
        if (!CANADIAN.matcher(compact).matches()) {
            throw new LegacyValueRejected(field, "'" + value.strip() + "' is not a Canadian postal code");
        }
        String normal = compact.substring(0, 3) + " " + compact.substring(3);
        if (!normal.equals(value)) {
            repairs.note(field);
        }
        return normal;
    }
}
