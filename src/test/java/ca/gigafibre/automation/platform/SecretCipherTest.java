package ca.gigafibre.automation.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gigafibre.automation.platform.secret.SecretCipher;
import java.nio.charset.StandardCharsets;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private final SecretCipher cipher = new SecretCipher(new SecretKeySpec(new byte[32], "AES"));

    @Test
    void roundTripsAndNeverRepeatsItsCiphertext() {
        byte[] first = cipher.encrypt("sip-P@ss-4502722408");
        byte[] second = cipher.encrypt("sip-P@ss-4502722408");

        assertThat(cipher.decrypt(first)).isEqualTo("sip-P@ss-4502722408");
        assertThat(first).isNotEqualTo(second);
        assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain("4502722408");
    }

    @Test
    void tamperedCiphertextIsRefused() {
        byte[] sealed = cipher.encrypt("1234567");
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(sealed)).hasMessageContaining("wrong AUTOMATION_SECRET_KEY or tampered");
    }

    @Test
    void anotherKeyCannotRead() {
        byte[] sealed = cipher.encrypt("1234567");
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        SecretCipher other = new SecretCipher(new SecretKeySpec(otherKey, "AES"));
        assertThatThrownBy(() -> other.decrypt(sealed)).isInstanceOf(IllegalStateException.class);
    }
}
