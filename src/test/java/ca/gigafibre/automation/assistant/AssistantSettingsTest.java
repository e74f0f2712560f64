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

/**
 * {@code automation.assistant.*}: the proposal TTL's default kept, a proposal that could never be confirmed stops start-up;
 * the LLM's endpoint ({@code llm.*}) read with its defaults, its API key never printed, a timeout the LLM could never meet
 * stops start-up.
 */
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

    @Test
    void theLlmIsUnconfiguredAndWaitedForFiveSecondsByDefault() {
        AssistantSettings.Llm llm = BoundSettings.defaults("automation.assistant", AssistantSettings.class).llm();
        assertThat(llm.baseUrl()).isEmpty();
        assertThat(llm.model()).isEmpty();
        assertThat(llm.apiKey()).isEmpty();
        assertThat(llm.timeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void theLlmsEndpointIsReadAndItsKeyNeverPrinted() {
        context.withPropertyValues("automation.assistant.interpreter=llm", "automation.assistant.llm.base-url=http://localhost:9/v1",
                "automation.assistant.llm.model=gpt-of-the-test", "automation.assistant.llm.api-key=sk-of-the-test",
                "automation.assistant.llm.timeout=PT2S").run(started -> {
                    AssistantSettings.Llm llm = started.getBean(AssistantSettings.class).llm();
                    assertThat(llm.baseUrl()).isEqualTo("http://localhost:9/v1");
                    assertThat(llm.model()).isEqualTo("gpt-of-the-test");
                    assertThat(llm.apiKey()).isEqualTo("sk-of-the-test");
                    assertThat(llm.timeout()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(started.getBean(AssistantSettings.class).toString()).contains("gpt-of-the-test").doesNotContain("sk-of-the-test");
                });
    }

    @Test
    void aZeroOrNegativeLlmTimeoutStopsStartUpNamingTheKey() {
        for (String timeout : new String[] {"PT0S", "-PT1S"}) {
            context.withPropertyValues("automation.assistant.llm.timeout=" + timeout).run(started ->
                    assertThat(started).getFailure().rootCause().hasMessageContaining("automation.assistant").hasMessageContaining("llm.timeout"));
        }
    }
}
