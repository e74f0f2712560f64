package ca.gigafibre.automation.platform.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretKeyConfigurationTest {

    private static final String LEGACY_KEY = "dGVzdC1rZXktZm9yLWdpZ2FmaWJyZS10ZXN0cy0zMmI=";

    @Test
    void withoutKeysetOrKeyStartUpStopsSayingHowToMakeOne() {
        assertThatThrownBy(() -> SecretKeyConfiguration.cipher("", "", "", ""))
                .hasMessageContaining("AUTOMATION_SECRET_KEYSET is not set").hasMessageContaining("--new-secret-key");
    }

    @Test
    void aLegacyKeyOfTheWrongLengthIsRefused() {
        assertThatThrownBy(() -> SecretKeyConfiguration.cipher("", "", "c2hvcnQ=", "")).hasMessageContaining("32 bytes");
    }

    @Test
    void aMalformedKeysetIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> SecretKeyConfiguration.cipher("{\"primaryKeyId\": 1, \"key\": \"c2VjcmV0\"}", "", "", ""))
                .hasMessageContaining("AUTOMATION_SECRET_KEYSET is not a Tink JSON keyset").hasMessageNotContaining("c2VjcmV0");
    }

    @Test
    void theLegacyKeyAloneStillStartsTheEngine() throws Exception {
        SecretCipher cipher = SecretKeyConfiguration.cipher("", "", LEGACY_KEY, "");
        byte[] sealed = cipher.encrypt("secret", SecretColumn.WIFI_KEY, 1);
        assertThat(cipher.decrypt(sealed, SecretColumn.WIFI_KEY, 1)).isEqualTo("secret");
        assertThat(cipher.primaryKeyId()).isEqualTo(SecretKeysets.legacyKeyId(Base64.getDecoder().decode(LEGACY_KEY)));
    }

    @Test
    void theDemoKeysetFileIsGeneratedOnceKeptPrivateAndTheOldDemoKeyFileIsOnlyRead(@TempDir Path dir) throws Exception {
        Path keyset = dir.resolve("gigafibre/secret-keyset.json");
        Path oldKey = dir.resolve("gigafibre/secret.key");
        SecretCipher first = SecretKeyConfiguration.cipher("", keyset.toString(), "", oldKey.toString());
        byte[] sealed = first.encrypt("wifi-pass", SecretColumn.WIFI_KEY, 9);
        SecretCipher again = SecretKeyConfiguration.cipher("", keyset.toString(), "", oldKey.toString());

        assertThat(Files.exists(keyset)).isTrue();
        assertThat(Files.exists(oldKey)).as("the single key of earlier versions is never generated").isFalse();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyset))).isEqualTo("rw-------");
        assertThat(again.primaryKeyId()).isEqualTo(first.primaryKeyId());
        assertThat(again.decrypt(sealed, SecretColumn.WIFI_KEY, 9)).isEqualTo("wifi-pass");

        Files.writeString(oldKey, LEGACY_KEY);
        assertThat(SecretKeyConfiguration.cipher("", keyset.toString(), "", oldKey.toString()).keys()).contains("legacy");
    }
}
