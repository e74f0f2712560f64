package ca.gigafibre.automation.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.testing.BoundSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** {@code automation.legacy-import.batch-size}: 1000 rows per batch by default, a batch that could never move stops start-up. */
class LegacyImportSettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(LegacyImportSettings.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class)).withUserConfiguration(Settings.class);

    @Test
    void aThousandRowsPerBatchByDefault() {
        assertThat(BoundSettings.defaults("automation.legacy-import", LegacyImportSettings.class).batchSize()).isEqualTo(1000);
        context.withPropertyValues("automation.legacy-import.batch-size=500").run(started ->
                assertThat(started.getBean(LegacyImportSettings.class).batchSize()).isEqualTo(500));
    }

    @Test
    void aBatchOfZeroOrFewerRowsStopsStartUpNamingTheKey() {
        for (String size : new String[] {"0", "-5"}) {
            context.withPropertyValues("automation.legacy-import.batch-size=" + size).run(started ->
                    assertThat(started).getFailure().rootCause().hasMessageContaining("automation.legacy-import").hasMessageContaining("batchSize"));
        }
    }
}
