package ca.gigafibre.automation.platform.secret;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for secrets at rest (SIP/voicemail passwords, bank accounts, payment tokens).
 * Stored form: version byte, 12-byte random IV, ciphertext with its 16-byte tag. The clear text never leaves
 * the adapter that needs it: callers store the bytes and decrypt at call time.
 */
public class SecretCipher {

    private static final byte VERSION = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();
    private volatile byte[] fingerprintKey;

    public SecretCipher(SecretKey key) {
        this.key = key;
    }

    public byte[] encrypt(String clearText) {
        if (clearText == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(clearText.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + IV_BYTES + sealed.length).put(VERSION).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt a secret", e);
        }
    }

    public String decrypt(byte[] stored) {
        if (stored == null) {
            return null;
        }
        if (stored.length < 1 + IV_BYTES || stored[0] != VERSION) {
            throw new IllegalArgumentException("Not an encrypted secret of a known version");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 1, IV_BYTES));
            byte[] clear = cipher.doFinal(stored, 1 + IV_BYTES, stored.length - 1 - IV_BYTES);
            return new String(clear, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not decrypt a secret: wrong AUTOMATION_SECRET_KEY or tampered data", e);
        }
    }

    /**
     * A keyed fingerprint of a text (HMAC-SHA256 under a key derived from this one): equal texts give equal bytes, so a
     * re-import can tell that a row holding secrets did not change, yet nothing can be learnt or guessed from it
     * without the key.
     */
    public byte[] fingerprint(String text) {
        try {
            if (fingerprintKey == null) {
                Mac derive = Mac.getInstance("HmacSHA256");
                derive.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
                fingerprintKey = derive.doFinal("gigafibre-fingerprint-v1".getBytes(StandardCharsets.UTF_8));
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(fingerprintKey, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not fingerprint", e);
        }
    }

    /** The last digits people may see ("•••• 6789"), never more. */
    public static String lastDigits(String clearText, int count) {
        if (clearText == null || clearText.length() <= count) {
            return clearText == null ? null : "";
        }
        return clearText.substring(clearText.length() - count);
    }
}
