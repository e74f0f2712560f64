package ca.gigafibre.automation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.testing.BoundSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** {@code automation.rules.sync-interval}: every five seconds by default, an interval the poller cannot take stops start-up. */
class RulesSettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RulesSettings.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class)).withUserConfiguration(Settings.class);

    @Test
    void nodesCheckTheRuleSetInForceEveryFiveSecondsByDefault() {
        assertThat(BoundSettings.defaults("automation.rules", RulesSettings.class).syncInterval()).isEqualTo(Duration.ofSeconds(5));
        context.withPropertyValues("automation.rules.sync-interval=PT7S").run(started ->
                assertThat(started.getBean(RulesSettings.class).syncInterval()).isEqualTo(Duration.ofSeconds(7)));
    }

    @Test
    void anIntervalUnderAMillisecondStopsStartUpNamingTheKey() {
        for (String interval : new String[] {"PT0S", "-PT5S", "PT0.0001S"}) {
            context.withPropertyValues("automation.rules.sync-interval=" + interval).run(started ->
                    assertThat(started).getFailure().rootCause().hasMessageContaining("automation.rules").hasMessageContaining("sync-interval"));
        }
    }
}
