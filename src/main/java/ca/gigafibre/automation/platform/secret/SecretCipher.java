package ca.gigafibre.automation.platform.secret;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * Secrets at rest (SIP/voicemail passwords, bank accounts, payment tokens, Wi-Fi keys) under a Tink keyset of
 * AES-256-GCM keys: the primary key encrypts, every key of the keyset decrypts, so keys rotate. Each ciphertext is bound
 * to its cell ({@link SecretColumn#cell}) as associated data: copied to another row it does not decrypt.
 * <p>
 * Stored form: version byte 2, then Tink's ciphertext (0x01, the 4-byte key id, IV, ciphertext and tag). Version 1 —
 * written before Tink: IV and ciphertext under {@code AUTOMATION_SECRET_KEY}, bound to nothing — is still read while that
 * key is configured, until a rotation has re-encrypted it. The clear text never leaves the adapter call that needs it.
 */
public class SecretCipher {

    static final byte LEGACY_VERSION = 1;
    static final byte VERSION = 2;
    private static final byte TINK_PREFIX = 1;

    private final KeysetHandle keyset;
    private final Aead aead;
    private final Aead legacy;
    private final byte[] legacyFingerprintKey;

    /**
     * @param keyset    the configured keyset, or null when only the legacy key is configured
     * @param legacyKey {@code AUTOMATION_SECRET_KEY}'s 32 bytes, or null
     */
    public SecretCipher(KeysetHandle keyset, byte[] legacyKey) {
        this.keyset = SecretKeysets.effective(keyset, legacyKey);
        this.aead = SecretKeysets.aead(this.keyset);
        this.legacy = legacyKey == null ? null : SecretKeysets.legacyVersion1(legacyKey);
        // the fingerprint key installations had before Tink: FingerprintKeys keeps it so fingerprints do not change
        this.legacyFingerprintKey = legacyKey == null ? null : HmacSha256.of(legacyKey, "gigafibre-fingerprint-v1");
    }

    public byte[] encrypt(String clearText, SecretColumn column, long rowId) {
        if (clearText == null) {
            return null;
        }
        try {
            byte[] sealed = aead.encrypt(clearText.getBytes(StandardCharsets.UTF_8), column.associatedData(rowId));
            return ByteBuffer.allocate(1 + sealed.length).put(VERSION).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt the secret of " + column.cell(rowId), e);
        }
    }

    public String decrypt(byte[] stored, SecretColumn column, long rowId) {
        if (stored == null) {
            return null;
        }
        if (stored.length < 2 || (stored[0] != VERSION && stored[0] != LEGACY_VERSION)) {
            throw new IllegalArgumentException("The secret of " + column.cell(rowId) + " is not an encrypted secret of a known version");
        }
        byte[] sealed = Arrays.copyOfRange(stored, 1, stored.length);
        try {
            if (stored[0] == VERSION) {
                return new String(aead.decrypt(sealed, column.associatedData(rowId)), StandardCharsets.UTF_8);
            }
            if (legacy == null) {
                throw new IllegalStateException("The secret of " + column.cell(rowId) + " was encrypted before key rotation existed, with "
                        + "AUTOMATION_SECRET_KEY: configure that key again and run the rotation (--rotate-secrets)");
            }
            return new String(legacy.decrypt(sealed, new byte[0]), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not decrypt the secret of " + column.cell(rowId) + ": its key is not in the keyset, "
                    + "the data was tampered with, or it was copied from another row");
        }
    }

    /** The key id new secrets are encrypted under. */
    public int primaryKeyId() {
        return keyset.getPrimary().getId();
    }

    /** The first 6 bytes of every secret encrypted under the primary key: what the rotation looks for in SQL. */
    public byte[] primaryPrefix() {
        return ByteBuffer.allocate(6).put(VERSION).put(TINK_PREFIX).putInt(primaryKeyId()).array();
    }

    /** The key ids this cipher decrypts with, primary marked (ids only, never keys). */
    public String keys() {
        return SecretKeysets.describe(keyset) + (legacy == null ? "" : ", legacy AUTOMATION_SECRET_KEY (version 1)");
    }

    /** The key a stored secret is under: its key id, or "legacy" for version 1. */
    public static String keyOf(byte[] stored) {
        if (stored != null && stored.length >= 6 && stored[0] == VERSION && stored[1] == TINK_PREFIX) {
            return SecretKeysets.id(ByteBuffer.wrap(stored, 2, 4).getInt());
        }
        return stored != null && stored.length > 0 && stored[0] == LEGACY_VERSION ? "legacy" : "unknown";
    }

    byte[] legacyFingerprintKey() {
        return legacyFingerprintKey == null ? null : legacyFingerprintKey.clone();
    }

    /** The last digits people may see ("•••• 6789"), never more. */
    public static String lastDigits(String clearText, int count) {
        if (clearText == null || clearText.length() <= count) {
            return clearText == null ? null : "";
        }
        return clearText.substring(clearText.length() - count);
    }
}
