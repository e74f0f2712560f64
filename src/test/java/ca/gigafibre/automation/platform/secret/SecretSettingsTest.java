package ca.gigafibre.automation.platform.secret;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.testing.BoundSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * The keys of secrets at rest ({@code automation.secret-*}) and the rotation's batch: no key by default (start-up then stops
 * in {@link SecretKeyConfiguration}), the configured keyset makes the engine's cipher, keys are never printed, a batch of
 * zero rows stops start-up.
 */
class SecretSettingsTest {

    private static final String KEYSET = SecretKeysets.toJson(SecretKeysets.generate());

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SecretSettings.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class)).withUserConfiguration(Settings.class);

    @Test
    void noKeyAndBatchesOfFiveHundredByDefault() {
        SecretSettings settings = BoundSettings.defaults("automation", SecretSettings.class);
        assertThat(settings.secretKeyset()).isEmpty();
        assertThat(settings.secretKeysetFile()).isEmpty();
        assertThat(settings.secretKey()).isEmpty();
        assertThat(settings.secretKeyFile()).isEmpty();
        assertThat(settings.secretRotation().batchSize()).isEqualTo(500);
    }

    @Test
    void theConfiguredKeysetIsTheCiphersAndIsNeverPrinted() {
        context.withUserConfiguration(SecretKeyConfiguration.class)
                .withPropertyValues("automation.secret-keyset=" + KEYSET, "automation.secret-rotation.batch-size=200").run(started -> {
                    SecretSettings settings = started.getBean(SecretSettings.class);
                    assertThat(settings.secretRotation().batchSize()).isEqualTo(200);
                    assertThat(started.getBean(SecretCipher.class).primaryKeyId()).isEqualTo(SecretKeysets.parse(KEYSET, "test").getPrimary().getId());
                    assertThat(settings.toString()).doesNotContain(KEYSET).doesNotContain("AesGcmKey").contains("secretKeyset=***");
                });
    }

    @Test
    void withoutAnyKeyStartUpStopsSayingHowToMakeOne() {
        context.withUserConfiguration(SecretKeyConfiguration.class).run(started ->
                assertThat(started).getFailure().rootCause().hasMessageContaining("AUTOMATION_SECRET_KEYSET is not set"));
    }

    @Test
    void aBatchOfZeroRowsStopsStartUpNamingTheKey() {
        context.withPropertyValues("automation.secret-rotation.batch-size=0").run(started ->
                assertThat(started).getFailure().rootCause().hasMessageContaining("secretRotation.batchSize"));
    }
}
