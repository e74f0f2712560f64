package ca.gigafibre.automation.legacy;

/**
 * A North American phone number as the engine keeps DIDs: 10 digits. {@code 450-272-2408}, {@code (450) 272-2408},
 * {@code 450.272.2408}, {@code +1 450 272 2408} and {@code 14502722408} all become {@code 4502722408} (a repair);
 * anything that is not 10 digits (after a leading country code 1) or whose area code or exchange starts with 0 or 1
 * is rejected.
 */
public final class DidNormalizer {

    private DidNormalizer() {
    }

    public static String normalise(String field, String value, Repairs repairs) {
        if (value == null || value.isBlank()) {
            throw new LegacyValueRejected(field, "no phone number");
        }
        String trimmed = value.strip();
        if (!trimmed.matches("[0-9 ()+.\\-]+")) {
            throw new LegacyValueRejected(field, "'" + trimmed + "' is not a phone number");
        }
        String digits = trimmed.replaceAll("[^0-9]", "");
        if (digits.length() == 11 && digits.charAt(0) == '1') {
            digits = digits.substring(1);
        }
        if (digits.length() != 10 || digits.charAt(0) < '2' || digits.charAt(3) < '2') {
            throw new LegacyValueRejected(field, "'" + trimmed + "' is not a 10-digit North American number");
        }
        if (!digits.equals(trimmed)) {
            repairs.note(field);
        }
        return digits;
    }
}
