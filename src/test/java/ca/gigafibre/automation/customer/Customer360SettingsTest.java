package ca.gigafibre.automation.customer;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.testing.BoundSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** {@code automation.customer360.recent-items}: its default kept, a count that would show nothing or fail the parts' queries stops start-up. */
class Customer360SettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(Customer360Settings.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class)).withUserConfiguration(Settings.class);

    @Test
    void customer360ShowsTheLatestTenByDefault() {
        assertThat(BoundSettings.defaults("automation.customer360", Customer360Settings.class).recentItems()).isEqualTo(10);
    }

    @Test
    void aConfiguredCountIsTheOneEveryPartReads() {
        context.withPropertyValues("automation.customer360.recent-items=7").run(started ->
                assertThat(started.getBean(Customer360Settings.class).recentItems()).isEqualTo(7));
    }

    @Test
    void zeroOrANegativeCountStopsStartUpNamingTheKey() {
        for (String count : new String[] {"0", "-1"}) {
            context.withPropertyValues("automation.customer360.recent-items=" + count).run(started ->
                    assertThat(started).getFailure().rootCause().hasMessageContaining("automation.customer360").hasMessageContaining("recentItems"));
        }
    }
}
