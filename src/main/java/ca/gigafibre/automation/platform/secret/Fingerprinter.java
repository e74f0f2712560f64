package ca.gigafibre.automation.platform.secret;


/**
 * A keyed fingerprint of a text (HMAC-SHA256): equal texts give equal bytes, so a re-import can tell that a row holding
 * secrets did not change, yet nothing can be learnt or guessed from it without the key.
 */
public final class Fingerprinter {

    private final byte[] key;

    public Fingerprinter(byte[] key) {
        this.key = key.clone();
    }

    public byte[] of(String text) {
        return HmacSha256.of(key, text);
    }
}
