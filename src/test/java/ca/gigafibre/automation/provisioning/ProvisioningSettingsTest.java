package ca.gigafibre.automation.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.testing.BoundSettings;
import java.time.Duration;
import java.time.Period;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code automation.provisioning.*} in one record: today's defaults kept, BPMN's view unchanged, a harmful value stops start-up. */
class ProvisioningSettingsTest {

    @EnableConfigurationProperties(ProvisioningSettings.class)
    static class Settings {
    }

    @Test
    void theDefaultsAreTheOnesTheKeysHadBefore() {
        ProvisioningSettings settings = BoundSettings.defaults("automation.provisioning", ProvisioningSettings.class);
        assertThat(settings.cpePollInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.cpeMaxChecks()).isEqualTo(10);
        assertThat(settings.ipPool()).isEqualTo("96.125.224.0/20");
        assertThat(settings.deactivationGrace()).isEqualTo(Period.ofDays(30));
    }

    @Test
    void bpmnReadsTheSameValuesUnderTheSameNames() {
        ProvisioningTimers timers = new ProvisioningTimers(BoundSettings.bind("automation.provisioning", ProvisioningSettings.class,
                Map.of("automation.provisioning.cpe-poll-interval", "PT2M", "automation.provisioning.cpe-max-checks", "8")));
        assertThat(timers.getCpePollInterval()).isEqualTo("PT2M");
        assertThat(timers.getCpeMaxChecks()).isEqualTo(8);
        assertThat(timers.getIpPool()).isEqualTo("96.125.224.0/20");
    }

    @Test
    void aZeroPollOrANegativeGraceStopsStartUp() {
        ApplicationContextRunner context = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class)).withUserConfiguration(Settings.class);
        context.withPropertyValues("automation.provisioning.cpe-poll-interval=PT0S").run(started ->
                assertThat(started).getFailure().rootCause().hasMessageContaining("cpe-poll-interval"));
        context.withPropertyValues("automation.provisioning.deactivation-grace=-P1D").run(started ->
                assertThat(started).getFailure().rootCause().hasMessageContaining("deactivation-grace"));
        context.withPropertyValues("automation.provisioning.deactivation-grace=P0D").run(started ->
                assertThat(started).hasNotFailed());
    }
}
