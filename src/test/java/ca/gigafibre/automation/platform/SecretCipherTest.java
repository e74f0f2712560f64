package ca.gigafibre.automation.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gigafibre.automation.platform.secret.SecretCipher;
import ca.gigafibre.automation.platform.secret.SecretColumn;
import ca.gigafibre.automation.platform.secret.SecretKeysets;
import com.google.crypto.tink.KeysetHandle;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static final byte[] LEGACY_KEY = new byte[32];

    static {
        LEGACY_KEY[0] = 42;
    }

    private final KeysetHandle keyset = SecretKeysets.generate();
    private final SecretCipher cipher = new SecretCipher(keyset, null);

    @Test
    void roundTripsAndNeverRepeatsItsCiphertext() {
        byte[] first = cipher.encrypt("sip-P@ss-4502722408", SecretColumn.SIP_PASSWORD, 7);
        byte[] second = cipher.encrypt("sip-P@ss-4502722408", SecretColumn.SIP_PASSWORD, 7);

        assertThat(cipher.decrypt(first, SecretColumn.SIP_PASSWORD, 7)).isEqualTo("sip-P@ss-4502722408");
        assertThat(first).isNotEqualTo(second);
        assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain("4502722408");
        assertThat(SecretCipher.keyOf(first)).isEqualTo(SecretKeysets.id(keyset.getPrimary().getId()));
    }

    @Test
    void aCiphertextOnlyDecryptsInItsOwnCell() {
        byte[] sealed = cipher.encrypt("1234567", SecretColumn.BANK_ACCOUNT, 12);

        assertThatThrownBy(() -> cipher.decrypt(sealed, SecretColumn.BANK_ACCOUNT, 13))
                .hasMessageContaining("payment_method/13/bank_account_enc").hasMessageNotContaining("1234567");
        assertThatThrownBy(() -> cipher.decrypt(sealed, SecretColumn.PAYMENT_TOKEN, 12)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.decrypt(sealed, SecretColumn.SIP_PASSWORD, 12)).isInstanceOf(IllegalStateException.class);
        assertThat(cipher.decrypt(sealed, SecretColumn.BANK_ACCOUNT, 12)).isEqualTo("1234567");
    }

    @Test
    void tamperedCiphertextIsRefused() {
        byte[] sealed = cipher.encrypt("1234567", SecretColumn.BANK_ACCOUNT, 1);
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(sealed, SecretColumn.BANK_ACCOUNT, 1)).hasMessageContaining("tampered");
    }

    @Test
    void anotherKeysetCannotRead() {
        byte[] sealed = cipher.encrypt("1234567", SecretColumn.BANK_ACCOUNT, 1);
        SecretCipher other = new SecretCipher(SecretKeysets.generate(), null);
        assertThatThrownBy(() -> other.decrypt(sealed, SecretColumn.BANK_ACCOUNT, 1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aNewPrimaryKeyEncryptsWhileTheOldOneStillDecrypts() {
        byte[] old = cipher.encrypt("old-secret", SecretColumn.WIFI_KEY, 3);
        KeysetHandle added = SecretKeysets.withNewKey(keyset);
        int newKey = added.getAt(1).getId();

        SecretCipher beforePromotion = new SecretCipher(added, null);
        SecretCipher rotated = new SecretCipher(SecretKeysets.promote(added, newKey), null);

        assertThat(beforePromotion.primaryKeyId()).isEqualTo(keyset.getPrimary().getId());
        assertThat(rotated.primaryKeyId()).isEqualTo(newKey);
        assertThat(rotated.decrypt(old, SecretColumn.WIFI_KEY, 3)).isEqualTo("old-secret");
        byte[] fresh = rotated.encrypt("new-secret", SecretColumn.WIFI_KEY, 3);
        assertThat(SecretCipher.keyOf(fresh)).isEqualTo(SecretKeysets.id(newKey));
        assertThat(fresh).startsWith(rotated.primaryPrefix());
        assertThat(beforePromotion.decrypt(fresh, SecretColumn.WIFI_KEY, 3)).isEqualTo("new-secret");   // nodes not yet promoted read it
        assertThatThrownBy(() -> cipher.decrypt(fresh, SecretColumn.WIFI_KEY, 3)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void version1CiphertextsOfEarlierVersionsDecryptWhileTheLegacyKeyIsConfigured() throws Exception {
        byte[] v1 = version1("7654321");

        assertThat(SecretCipher.keyOf(v1)).isEqualTo("legacy");
        assertThat(new SecretCipher(keyset, LEGACY_KEY).decrypt(v1, SecretColumn.BANK_ACCOUNT, 99)).isEqualTo("7654321");
        assertThatThrownBy(() -> cipher.decrypt(v1, SecretColumn.BANK_ACCOUNT, 99)).hasMessageContaining("AUTOMATION_SECRET_KEY")
                .hasMessageContaining("--rotate-secrets");
    }

    @Test
    void theLegacyKeyAloneIsTheKeysetAndBindsNewSecretsToTheirCell() throws Exception {
        SecretCipher legacyOnly = new SecretCipher(null, LEGACY_KEY);
        byte[] sealed = legacyOnly.encrypt("pin-1234", SecretColumn.VOICEMAIL_PIN, 5);

        assertThat(legacyOnly.decrypt(version1("7654321"), SecretColumn.BANK_ACCOUNT, 1)).isEqualTo("7654321");
        assertThat(sealed).startsWith(legacyOnly.primaryPrefix());
        assertThatThrownBy(() -> legacyOnly.decrypt(sealed, SecretColumn.VOICEMAIL_PIN, 6)).isInstanceOf(IllegalStateException.class);
        // once a keyset comes beside the legacy key, what the legacy key wrote keeps decrypting
        SecretCipher withKeyset = new SecretCipher(keyset, LEGACY_KEY);
        assertThat(withKeyset.primaryKeyId()).isEqualTo(keyset.getPrimary().getId());
        assertThat(withKeyset.decrypt(sealed, SecretColumn.VOICEMAIL_PIN, 5)).isEqualTo("pin-1234");
    }

    @Test
    void aKeysetIsReadBackFromItsJsonAndOnlyAesGcmKeysWithTheirPrefixAreAccepted() {
        byte[] sealed = cipher.encrypt("secret", SecretColumn.ATA_PASSWORD, 2);
        SecretCipher reread = new SecretCipher(SecretKeysets.parse(SecretKeysets.toJson(keyset), "test"), null);
        assertThat(reread.decrypt(sealed, SecretColumn.ATA_PASSWORD, 2)).isEqualTo("secret");

        String json = SecretKeysets.toJson(keyset);
        assertThatThrownBy(() -> SecretKeysets.parse(json.replace("\"TINK\"", "\"RAW\""), "AUTOMATION_SECRET_KEYSET"))
                .hasMessageContaining("not an AES256_GCM key with Tink's prefix");
        assertThatThrownBy(() -> SecretKeysets.parse("{\"not\": \"GiBaq6Oh5CtTTuWx5lPSrsQe\"}", "AUTOMATION_SECRET_KEYSET"))
                .hasMessageContaining("is not a Tink JSON keyset").hasMessageNotContaining("GiBaq6Oh5CtTTuWx5lPSrsQe");
    }

    /** A secret as versions before Tink stored it: 1, IV, AES-256-GCM ciphertext under the legacy key, no associated data. */
    private static byte[] version1(String clear) throws Exception {
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(LEGACY_KEY, "AES"), new GCMParameterSpec(128, iv));
        byte[] sealed = aes.doFinal(clear.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.allocate(1 + iv.length + sealed.length).put((byte) 1).put(iv).put(sealed).array();
    }
}
