package ca.gigafibre.automation.adapter.fake;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.testing.BoundSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** {@code automation.fakes.port}, {@code smtp-port}: any free port by default, the configured one when given, no port outside 0–65535. */
class FakesSettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(FakesSettings.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class)).withUserConfiguration(Settings.class);

    @Test
    void theFakesTakeAnyFreePortByDefault() {
        FakesSettings fakes = BoundSettings.defaults("automation.fakes", FakesSettings.class);
        assertThat(fakes.port()).isZero();
        assertThat(fakes.smtpPort()).isZero();
    }

    @Test
    void theFakeMailServerListensOnTheConfiguredPort() throws java.io.IOException {
        int free;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            free = probe.getLocalPort();
        }
        context.withPropertyValues("automation.fakes.enabled=true", "automation.fakes.smtp-port=" + free).withUserConfiguration(FakeMailServer.class)
                .run(started -> assertThat(started.getBean(FakeMailServer.class).port()).isEqualTo(free));
    }

    @Test
    void aPortOutsideTheRangeStopsStartUpNamingTheKey() {
        context.withPropertyValues("automation.fakes.smtp-port=70000").run(started ->
                assertThat(started).getFailure().rootCause().hasMessageContaining("automation.fakes").hasMessageContaining("smtpPort"));
        context.withPropertyValues("automation.fakes.port=-1").run(started ->
                assertThat(started).getFailure().rootCause().hasMessageContaining("port"));
    }
}
