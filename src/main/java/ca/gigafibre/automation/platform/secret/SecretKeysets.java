package ca.gigafibre.automation.platform.secret;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.ConfigurationV0;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.util.SecretBytes;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;

/**
 * Tink keysets of AES-256-GCM keys (Tink's JSON keyset format, the one Tinkey reads and writes): parsed, written,
 * generated, a key added, promoted to primary or removed; and the legacy {@code AUTOMATION_SECRET_KEY} taken in as one
 * of their keys. Key ids are shown unsigned, as the JSON has them. Nothing here ever prints key material.
 */
public final class SecretKeysets {

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private SecretKeysets() {
    }

    /** A JSON keyset, checked: AES-256-GCM keys with Tink's key-id prefix only (the rotation finds old ciphertexts by it). */
    public static KeysetHandle parse(String json, String source) {
        KeysetHandle keyset;
        try {
            keyset = TinkJsonProtoKeysetFormat.parseKeyset(json.strip(), InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException | RuntimeException e) {
            // the message of a parse error may quote the input: keep it out
            throw new IllegalStateException(source + " is not a Tink JSON keyset (make one with --new-secret-key)");
        }
        for (int i = 0; i < keyset.size(); i++) {
            KeysetHandle.Entry entry = keyset.getAt(i);
            if (entry.getStatus() == KeyStatus.ENABLED && !isAes256GcmWithPrefix(entry)) {
                throw new IllegalStateException(source + ": key " + id(entry.getId()) + " is not an AES256_GCM key with Tink's prefix; "
                        + "only those are accepted");
            }
        }
        return keyset;
    }

    public static String toJson(KeysetHandle keyset) {
        try {
            return TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not write the keyset", e);
        }
    }

    /** A new keyset of one fresh AES-256-GCM key, its primary. */
    public static KeysetHandle generate() {
        try {
            return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not generate a key", e);
        }
    }

    /** The keyset with one more fresh key, enabled but not primary: every node learns it before anything is written with it. */
    public static KeysetHandle withNewKey(KeysetHandle keyset) {
        return build(KeysetHandle.newBuilder(keyset)
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM).withRandomId()));
    }

    public static KeysetHandle promote(KeysetHandle keyset, int keyId) {
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(keyset);
        builder.getAt(indexOf(keyset, keyId)).setStatus(KeyStatus.ENABLED).makePrimary();
        return build(builder);
    }

    public static KeysetHandle remove(KeysetHandle keyset, int keyId) {
        int index = indexOf(keyset, keyId);
        if (keyset.getAt(index).isPrimary()) {
            throw new IllegalArgumentException("key " + id(keyId) + " is the primary key: promote another one first");
        }
        return build(KeysetHandle.newBuilder(keyset).deleteAt(index));
    }

    /** The key ids, primary first marked: "2841053912 (primary), 1073825376". */
    public static String describe(KeysetHandle keyset) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < keyset.size(); i++) {
            KeysetHandle.Entry entry = keyset.getAt(i);
            String status = entry.isPrimary() ? " (primary)" : entry.getStatus() == KeyStatus.ENABLED ? "" : " (" + entry.getStatus() + ")";
            ids.add(id(entry.getId()) + status);
        }
        return String.join(", ", ids);
    }

    public static String id(int keyId) {
        return Integer.toUnsignedString(keyId);
    }

    public static int parseId(String keyId) {
        try {
            return Integer.parseUnsignedInt(keyId.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + keyId + "' is not a key id (a number from the keyset's \"keyId\")");
        }
    }

    /**
     * What the engine runs with: the configured keyset, plus the legacy key when there is one (the same key material as a
     * keyset key, its id derived from it, so what it encrypts is found again whichever way the key comes in). With no
     * keyset configured the legacy key is the primary: an installation that only has {@code AUTOMATION_SECRET_KEY} keeps working.
     */
    static KeysetHandle effective(KeysetHandle configured, byte[] legacyKey) {
        if (legacyKey == null) {
            if (configured == null) {
                throw new IllegalStateException("no keyset and no legacy key");
            }
            return configured;
        }
        int legacyId = legacyKeyId(legacyKey);
        if (configured != null && containsId(configured, legacyId)) {
            return configured;
        }
        KeysetHandle.Builder builder = configured == null ? KeysetHandle.newBuilder() : KeysetHandle.newBuilder(configured);
        KeysetHandle.Builder.Entry legacy = KeysetHandle.importKey(aesGcm(legacyKey, AesGcmParameters.Variant.TINK, legacyId));
        builder.addEntry(configured == null ? legacy.makePrimary() : legacy);
        return build(builder);
    }

    /** Version-1 ciphertexts (before Tink): AES-256-GCM, 12-byte IV, no prefix, no associated data. */
    static Aead legacyVersion1(byte[] legacyKey) {
        return aead(build(KeysetHandle.newBuilder()
                .addEntry(KeysetHandle.importKey(aesGcm(legacyKey, AesGcmParameters.Variant.NO_PREFIX, null)).withRandomId().makePrimary())));
    }

    static Aead aead(KeysetHandle keyset) {
        try {
            return keyset.getPrimitive(ConfigurationV0.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The keyset cannot encrypt: " + e.getMessage(), e);
        }
    }

    /** A stable id for the legacy key, derived from it (4 bytes of an HMAC: says nothing about the key). */
    static int legacyKeyId(byte[] legacyKey) {
        return ByteBuffer.wrap(HmacSha256.of(legacyKey, "gigafibre-legacy-key-id")).getInt() & 0x7fffffff;
    }

    private static AesGcmKey aesGcm(byte[] key, AesGcmParameters.Variant variant, Integer id) {
        try {
            AesGcmParameters parameters = AesGcmParameters.builder().setKeySizeBytes(32).setIvSizeBytes(12).setTagSizeBytes(16)
                    .setVariant(variant).build();
            return AesGcmKey.builder().setParameters(parameters).setKeyBytes(SecretBytes.copyFrom(key, InsecureSecretKeyAccess.get()))
                    .setIdRequirement(id).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The legacy key is not an AES-256 key", e);
        }
    }

    private static boolean isAes256GcmWithPrefix(KeysetHandle.Entry entry) {
        return entry.getKey() instanceof AesGcmKey key && key.getParameters().equals(PredefinedAeadParameters.AES256_GCM);
    }

    private static boolean containsId(KeysetHandle keyset, int keyId) {
        return find(keyset, keyId) >= 0;
    }

    private static int indexOf(KeysetHandle keyset, int keyId) {
        int index = find(keyset, keyId);
        if (index < 0) {
            throw new IllegalArgumentException("the keyset has no key " + id(keyId) + " (it has " + describe(keyset) + ")");
        }
        return index;
    }

    private static int find(KeysetHandle keyset, int keyId) {
        for (int i = 0; i < keyset.size(); i++) {
            if (keyset.getAt(i).getId() == keyId) {
                return i;
            }
        }
        return -1;
    }

    private static KeysetHandle build(KeysetHandle.Builder builder) {
        try {
            return builder.build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not build the keyset: " + e.getMessage(), e);
        }
    }
}
