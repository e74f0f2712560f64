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

/** {@code automation.bootstrap-admin.*}: none by default, an id without a password stops start-up, the password is never printed. */
class BootstrapAdminSettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(BootstrapAdminSettings.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class)).withUserConfiguration(Settings.class);

    @Test
    void noAdministratorByDefaultNorWhenTheVariablesAreEmpty() {
        assertThat(BoundSettings.defaults("automation.bootstrap-admin", BootstrapAdminSettings.class).configured()).isFalse();
        context.withPropertyValues("automation.bootstrap-admin.id=", "automation.bootstrap-admin.password=").run(started ->
                assertThat(started.getBean(BootstrapAdminSettings.class).configured()).isFalse());
    }

    @Test
    void anIdWithoutAPasswordStopsStartUpNamingTheVariables() {
        context.withPropertyValues("automation.bootstrap-admin.id=admin").run(started ->
                assertThat(started).getFailure().rootCause().hasMessageContaining("automation.bootstrap-admin")
                        .hasMessageContaining("AUTOMATION_ADMIN_PASSWORD"));
    }

    @Test
    void theAdministratorIsReadButItsPasswordIsNeverPrinted() {
        BootstrapAdminSettings admin = BoundSettings.bind("automation.bootstrap-admin", BootstrapAdminSettings.class,
                Map.of("automation.bootstrap-admin.id", "admin", "automation.bootstrap-admin.password", "s3cret-of-the-test"));
        assertThat(admin.configured()).isTrue();
        assertThat(admin.password()).isEqualTo("s3cret-of-the-test");
        assertThat(admin.toString()).contains("admin").doesNotContain("s3cret-of-the-test");
    }
}
