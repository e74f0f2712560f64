package ca.gigafibre.automation.voip;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.testing.BoundSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code automation.e911.*} and {@code automation.voip.*} as records: today's defaults kept, BPMN's view unchanged. */
class VoipSettingsTest {

    @EnableConfigurationProperties({E911Settings.class, VoipSettings.class})
    static class Settings {
    }

    @Test
    void theDefaultsAreTheOnesTheKeysHadBefore() {
        E911Settings e911 = BoundSettings.defaults("automation.e911", E911Settings.class);
        assertThat(e911.escalateAfter()).isEqualTo(Duration.ofHours(4));
        assertThat(e911.auditCron()).isEqualTo("0 30 2 * * ?");
        assertThat(BoundSettings.defaults("automation.voip", VoipSettings.class).sipRegistrar()).isEqualTo("sip.gigafibre.ca");
    }

    @Test
    void bpmnReadsTheSameValueUnderTheSameName() {
        E911Timers timers = new E911Timers(BoundSettings.bind("automation.e911", E911Settings.class, Map.of("automation.e911.escalate-after", "PT6H")));
        assertThat(timers.getEscalateAfter()).isEqualTo("PT6H");
    }

    @Test
    void aZeroEscalationOrABlankRegistrarStopsStartUp() {
        ApplicationContextRunner context = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class)).withUserConfiguration(Settings.class);
        context.withPropertyValues("automation.e911.escalate-after=PT0S").run(started ->
                assertThat(started).getFailure().rootCause().hasMessageContaining("escalate-after"));
        context.withPropertyValues("automation.voip.sip-registrar= ").run(started ->
                assertThat(started).getFailure().rootCause().hasMessageContaining("sipRegistrar"));
    }
}
