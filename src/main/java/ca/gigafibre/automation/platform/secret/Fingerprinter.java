package ca.gigafibre.automation.platform.secret;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed fingerprint of a text (HMAC-SHA256): equal texts give equal bytes, so a re-import can tell that a row holding
 * secrets did not change, yet nothing can be learnt or guessed from it without the key.
 */
public final class Fingerprinter {

    private final SecretKeySpec key;

    public Fingerprinter(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    public byte[] of(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not fingerprint", e);
        }
    }
}
