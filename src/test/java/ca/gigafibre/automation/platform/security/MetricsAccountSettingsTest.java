package ca.gigafibre.automation.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.testing.BoundSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** {@code automation.metrics.*}: no service account by default, a user without a password stops start-up, the password is never printed. */
class MetricsAccountSettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(MetricsAccountSettings.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class)).withUserConfiguration(Settings.class);

    @Test
    void noServiceAccountByDefault() {
        assertThat(BoundSettings.defaults("automation.metrics", MetricsAccountSettings.class).configured()).isFalse();
    }

    @Test
    void aUserWithoutAPasswordStopsStartUpNamingTheVariables() {
        context.withPropertyValues("automation.metrics.user=prometheus", "automation.metrics.password=").run(started ->
                assertThat(started).getFailure().rootCause().hasMessageContaining("automation.metrics")
                        .hasMessageContaining("AUTOMATION_METRICS_PASSWORD"));
    }

    @Test
    void theAccountIsReadButItsPasswordIsNeverPrinted() {
        MetricsAccountSettings account = BoundSettings.bind("automation.metrics", MetricsAccountSettings.class,
                Map.of("automation.metrics.user", "prometheus", "automation.metrics.password", "scrape-secret-of-the-test"));
        assertThat(account.configured()).isTrue();
        assertThat(account.user()).isEqualTo("prometheus");
        assertThat(account.toString()).contains("prometheus").doesNotContain("scrape-secret-of-the-test");
    }
}
