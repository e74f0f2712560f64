package ca.gigafibre.automation.legacy;

import ca.gigafibre.automation.platform.secret.Fingerprinter;
import java.util.Arrays;

/**
 * The fingerprint of what a legacy row becomes (every mapped value, secrets included) keyed with the engine's fingerprint
 * key ({@code FingerprintKeys}), so a re-run sees that nothing changed without keeping anything that could reveal a secret.
 */
final class Fingerprints {

    private final Fingerprinter fingerprinter;

    Fingerprints(Fingerprinter fingerprinter) {
        this.fingerprinter = fingerprinter;
    }

    byte[] of(Object... values) {
        StringBuilder text = new StringBuilder(256);
        for (Object value : values) {
            if (value instanceof byte[] bytes) {
                text.append(Arrays.toString(bytes));
            } else if (value instanceof java.math.BigDecimal d) {
                text.append(d.stripTrailingZeros().toPlainString());
            } else {
                text.append(value == null ? "\u2400" : value.toString());
            }
            text.append('\u001f');
        }
        return fingerprinter.of(text.toString());
    }
}
