package ca.gigafibre.automation.support;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.testing.BoundSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code automation.support.*} in one record: today's defaults kept, BPMN's view unchanged, a zero wait stops start-up. */
class SupportSettingsTest {

    @EnableConfigurationProperties(SupportSettings.class)
    static class Settings {
    }

    @Test
    void theDefaultsAreTheOnesTheKeysHadBefore() {
        SupportSettings settings = BoundSettings.defaults("automation.support", SupportSettings.class);
        assertThat(settings.informWait()).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.informChecks()).isEqualTo(5);
        assertThat(settings.warrantyDays()).isEqualTo(90);
        assertThat(settings.cpeOnlineWithin()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void bpmnReadsTheSameValuesUnderTheSameNames() {
        SupportTimers timers = new SupportTimers(BoundSettings.bind("automation.support", SupportSettings.class,
                Map.of("automation.support.inform-wait", "PT3M", "automation.support.inform-checks", "4")));
        assertThat(timers.getInformWait()).isEqualTo("PT3M");
        assertThat(timers.getInformChecks()).isEqualTo(4);
    }

    @Test
    void aZeroWaitOrNoCheckStopsStartUp() {
        ApplicationContextRunner context = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class)).withUserConfiguration(Settings.class);
        context.withPropertyValues("automation.support.inform-wait=PT0S").run(started ->
                assertThat(started).getFailure().rootCause().hasMessageContaining("inform-wait"));
        context.withPropertyValues("automation.support.inform-checks=0").run(started ->
                assertThat(started).getFailure().rootCause().hasMessageContaining("informChecks"));
    }
}
