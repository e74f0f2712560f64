package ca.gigafibre.automation.legacy;

import ca.gigafibre.automation.platform.secret.SecretCipher;
import java.util.Arrays;

/**
 * The fingerprint of what a legacy row becomes (every mapped value, secrets included) keyed with the engine's secret
 * key, so a re-run sees that nothing changed without keeping anything that could reveal a secret.
 */
final class Fingerprints {

    private final SecretCipher cipher;

    Fingerprints(SecretCipher cipher) {
        this.cipher = cipher;
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
        return cipher.fingerprint(text.toString());
    }
}
