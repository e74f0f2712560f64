package ca.gigafibre.automation.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.testing.BoundSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** {@code automation.security.*} but SSO: the lockout, the client throttle and the body limits keep their defaults, harmful values stop start-up. */
class SecuritySettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({SecuritySettings.class, OidcProperties.class})
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class)).withUserConfiguration(Settings.class);

    @Test
    void theDefaultsAreTheOnesTheKeysHadBefore() {
        SecuritySettings security = BoundSettings.defaults("automation.security", SecuritySettings.class);
        assertThat(security.lockoutDuration()).isEqualTo(Duration.ofMinutes(15));
        assertThat(security.clientMaxFailures()).isEqualTo(20);
        assertThat(security.maxWebhookBody()).isEqualTo(DataSize.ofKilobytes(256));
        assertThat(security.maxRequestBody()).isEqualTo(DataSize.ofMegabytes(2));
    }

    @Test
    void ssoKeysBesideItAreSsosAndTheRestIsItsOwn() {
        context.withPropertyValues("automation.security.oidc.issuer-uri=http://localhost:9/o/", "automation.security.lockout-duration=PT20M",
                "automation.security.max-request-body=4MB").run(started -> {
                    assertThat(started.getBean(SecuritySettings.class).lockoutDuration()).isEqualTo(Duration.ofMinutes(20));
                    assertThat(started.getBean(SecuritySettings.class).maxRequestBody()).isEqualTo(DataSize.ofMegabytes(4));
                    assertThat(started.getBean(OidcProperties.class).enabled()).isTrue();
                });
    }

    @Test
    void aLockoutOfZeroOrLessStopsStartUpNamingTheKey() {
        for (String lockout : new String[] {"PT0S", "-PT15M"}) {
            context.withPropertyValues("automation.security.lockout-duration=" + lockout).run(started ->
                    assertThat(started).getFailure().rootCause().hasMessageContaining("automation.security").hasMessageContaining("lockout-duration"));
        }
    }

    @Test
    void noAllowedFailureStopsStartUpNamingTheKey() {
        context.withPropertyValues("automation.security.client-max-failures=0").run(started ->
                assertThat(started).getFailure().rootCause().hasMessageContaining("clientMaxFailures"));
    }

    @Test
    void aBodyLimitOfZeroStopsStartUpNamingTheKey() {
        context.withPropertyValues("automation.security.max-webhook-body=0KB").run(started ->
                assertThat(started).getFailure().rootCause().hasMessageContaining("max-webhook-body"));
    }
}
