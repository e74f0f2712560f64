package ca.gigafibre.automation.platform.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretKeyConfigurationTest {

    @Test
    void withoutKeyOrKeyFileStartUpStopsWithAClearMessage() {
        assertThatThrownBy(() -> SecretKeyConfiguration.resolveKey("", ""))
                .hasMessageContaining("AUTOMATION_SECRET_KEY is not set");
    }

    @Test
    void aKeyOfTheWrongLengthIsRefused() {
        assertThatThrownBy(() -> SecretKeyConfiguration.resolveKey("c2hvcnQ=", ""))
                .hasMessageContaining("32 bytes");
    }

    @Test
    void theDemoKeyFileIsGeneratedOnceAndKept(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("secret.key");
        byte[] first = SecretKeyConfiguration.resolveKey("", file.toString()).getEncoded();
        byte[] again = SecretKeyConfiguration.resolveKey("", file.toString()).getEncoded();

        assertThat(Files.exists(file)).isTrue();
        assertThat(again).isEqualTo(first).hasSize(32);
    }
}
