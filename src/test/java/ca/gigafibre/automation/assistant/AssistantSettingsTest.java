package ca.gigafibre.automation.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.testing.BoundSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** {@code automation.assistant.proposal-ttl}: its default kept, a proposal that could never be confirmed stops start-up. */
class AssistantSettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AssistantSettings.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class)).withUserConfiguration(Settings.class);

    @Test
    void aProposalMayBeConfirmedForTenMinutesByDefault() {
        assertThat(BoundSettings.defaults("automation.assistant", AssistantSettings.class).proposalTtl()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void aZeroOrNegativeProposalTtlStopsStartUpNamingTheKey() {
        for (String ttl : new String[] {"PT0S", "-PT1M"}) {
            context.withPropertyValues("automation.assistant.proposal-ttl=" + ttl).run(started ->
                    assertThat(started).getFailure().rootCause().hasMessageContaining("automation.assistant").hasMessageContaining("proposal-ttl"));
        }
    }

    @Test
    void theInterpreterKeysBesideItAreNotItsToRefuse() {
        context.withPropertyValues("automation.assistant.interpreter=patterns", "automation.assistant.llm.timeout=PT5S").run(started ->
                assertThat(started.getBean(AssistantSettings.class).proposalTtl()).isEqualTo(Duration.ofMinutes(10)));
    }
}
