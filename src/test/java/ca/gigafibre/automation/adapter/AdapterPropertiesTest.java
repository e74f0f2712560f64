package ca.gigafibre.automation.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gigafibre.automation.erpnext.outbox.RetryCycle;
import ca.gigafibre.automation.notification.TwilioSignatures;
import ca.gigafibre.automation.platform.error.SignatureRejectedException;
import ca.gigafibre.automation.testing.BoundSettings;
import ca.gigafibre.automation.workflow.RetryPolicy;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * {@code automation.adapters.*}: the one retry cycle BPMN and the ERPNext outbox share (default {@code R3/PT5M}; a value
 * that is not a cycle stops start-up naming the key), and Twilio's auth token and status callback URL, which sign and
 * address its delivery reports.
 */
class AdapterPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AdapterProperties.class)
    @Import({RetryPolicy.class, RetryCycle.class})
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void externalCallsAreRetriedThreeTimesFiveMinutesApartByDefault() {
        assertThat(BoundSettings.defaults("automation.adapters", AdapterProperties.class).retryCycle()).isEqualTo("R3/PT5M");
        context.run(started -> {
            assertThat(started.getBean(RetryPolicy.class).getCycle()).isEqualTo("R3/PT5M");
            assertThat(started.getBean(RetryCycle.class).retries()).isEqualTo(3);
        });
    }

    @Test
    void bpmnAndTheOutboxReadTheSameConfiguredCycle() {
        context.withPropertyValues("automation.adapters.retry-cycle=R4/PT20S").run(started -> {
            assertThat(started.getBean(RetryPolicy.class).getCycle()).isEqualTo("R4/PT20S");
            assertThat(started.getBean(RetryCycle.class).retries()).isEqualTo(4);
            assertThat(started.getBean(RetryCycle.class).delay()).isEqualTo(Duration.ofSeconds(20));
        });
    }

    @Test
    void aCycleThatIsNotOneStopsStartUpNamingTheKey() {
        context.withPropertyValues("automation.adapters.retry-cycle=three times").run(started ->
                assertThat(started).getFailure().hasStackTraceContaining("automation.adapters.retry-cycle"));
    }

    @Test
    void twiliosTokenAndCallbackUrlSignAndAddressItsReports() {
        String url = "https://engine.example.ca/api/webhooks/twilio";
        AdapterProperties adapters = BoundSettings.bind("automation.adapters", AdapterProperties.class, Map.of(
                "automation.adapters.twilio.auth-token", "twilio-token-of-the-test", "automation.adapters.twilio.status-callback-url", url));
        TwilioSignatures signatures = new TwilioSignatures(new AdapterEndpoints(adapters,
                new StaticListableBeanFactory().getBeanProvider(FallbackEndpoints.class)));
        Map<String, String> report = Map.of("MessageSid", "SM1", "MessageStatus", "delivered");

        signatures.verify("http://10.0.0.5:8080/api/webhooks/twilio", report, sign("twilio-token-of-the-test", url, report));
        assertThatThrownBy(() -> signatures.verify(url, report, sign("not-the-token", url, report)))
                .isInstanceOf(SignatureRejectedException.class);
        assertThat(adapters.twilio().toString()).doesNotContain("twilio-token-of-the-test");
    }

    @Test
    void withoutTwilioConfiguredNoReportIsAccepted() {
        TwilioSignatures signatures = new TwilioSignatures(new AdapterEndpoints(BoundSettings.defaults("automation.adapters", AdapterProperties.class),
                new StaticListableBeanFactory().getBeanProvider(FallbackEndpoints.class)));
        assertThatThrownBy(() -> signatures.verify("https://engine.example.ca/api/webhooks/twilio", Map.of(), "c2ln"))
                .isInstanceOf(SignatureRejectedException.class).hasMessageContaining("automation.adapters.twilio.auth-token");
    }

    private static String sign(String token, String url, Map<String, String> params) {
        return Base64.getEncoder().encodeToString(TwilioSignatures.sign(token, url, params));
    }
}
