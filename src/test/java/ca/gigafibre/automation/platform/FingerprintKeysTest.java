package ca.gigafibre.automation.platform;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.platform.secret.FingerprintKeys;
import ca.gigafibre.automation.platform.secret.SecretCipher;
import ca.gigafibre.automation.platform.secret.SecretColumn;
import ca.gigafibre.automation.platform.secret.SecretKeysets;
import ca.gigafibre.automation.testing.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.transaction.PlatformTransactionManager;

/** The legacy import's fingerprints survive the move to keysets: rows imported before still compare "unchanged". */
class FingerprintKeysTest extends IntegrationTest {

    @Autowired
    FingerprintKeys fingerprintKeys;

    @Autowired
    SecretCipher cipher;

    @Autowired
    PlatformTransactionManager transactions;

    @Value("${automation.secret-key}")
    String legacyKeyBase64;

    @Value("${automation.secret-keyset}")
    String keyset;

    @Test
    void fingerprintsAreTheOnesEarlierVersionsComputedWithTheLegacyKey() throws Exception {
        // what SecretCipher.fingerprint did before Tink: HMAC-SHA256 under HMAC-SHA256(AUTOMATION_SECRET_KEY, "gigafibre-fingerprint-v1")
        byte[] derived = hmac(Base64.getDecoder().decode(legacyKeyBase64), "gigafibre-fingerprint-v1");

        assertThat(fingerprintKeys.fingerprinter().of("Côté\u001f150\u001f")).isEqualTo(hmac(derived, "Côté\u001f150\u001f"));
    }

    @Test
    void theKeyIsStoredEncryptedAndReadAgainByAnotherNodeWithoutTheLegacyKey() {
        byte[] expected = fingerprintKeys.fingerprinter().of("row");
        byte[] stored = jdbc.sql("SELECT key_enc FROM automation.secret_fingerprint_key").query(byte[].class).single();

        assertThat(SecretCipher.keyOf(stored)).isEqualTo(SecretKeysets.id(cipher.primaryKeyId()));
        SecretCipher keysetOnly = new SecretCipher(SecretKeysets.parse(keyset, "test"), null);
        assertThat(new FingerprintKeys(jdbc, keysetOnly, transactions).fingerprinter().of("row")).isEqualTo(expected);
        assertThat(keysetOnly.decrypt(stored, SecretColumn.FINGERPRINT_KEY, 1)).isNotBlank();
    }

    private static byte[] hmac(byte[] key, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    }
}
