package ca.gigafibre.automation.sales;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.testing.BoundSettings;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** {@code automation.sales.*}: today's defaults kept, the deadlines computed from them, a harmful value stops start-up. */
class SalesSettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SalesSettings.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class)).withUserConfiguration(Settings.class);

    @Test
    void theDefaultsAreTheOnesTheKeysHadBefore() {
        SalesSettings sales = BoundSettings.defaults("automation.sales", SalesSettings.class);
        assertThat(sales.quoteValidDays()).isEqualTo(30);
        assertThat(sales.docusealTemplateId()).isEqualTo(1L);
        assertThat(sales.installationConfirmWithin()).isEqualTo(Duration.ofHours(24));
        assertThat(sales.defaultTerms()).isEqualTo("Prix valides 30 jours. Taxes en sus. / Prices valid for 30 days. Taxes extra.");
        assertThat(sales.docusealSecretHeader()).isEmpty();
    }

    @Test
    void theDeadlinesFollowTheConfiguredValues() {
        SalesSettings sales = BoundSettings.bind("automation.sales", SalesSettings.class, Map.of(
                "automation.sales.installation-confirm-within", "PT12H", "automation.sales.docuseal-secret-header", " X-Docuseal-Key "));
        OffsetDateTime windowEnd = OffsetDateTime.parse("2027-03-09T12:00:00-05:00");
        assertThat(sales.confirmationDeadline(windowEnd).toInstant()).isEqualTo(windowEnd.plusHours(12).toInstant());
        assertThat(sales.expiryOf(LocalDate.of(2027, 3, 9)).toInstant()).isEqualTo(OffsetDateTime.parse("2027-03-10T00:00:00-05:00").toInstant());
        assertThat(sales.docusealSecretHeader()).isEqualTo("X-Docuseal-Key");
    }

    @Test
    void aQuoteExpiredBeforeItIsMadeStopsStartUpNamingTheKey() {
        context.withPropertyValues("automation.sales.quote-valid-days=-1").run(started ->
                assertThat(started).getFailure().rootCause().hasMessageContaining("automation.sales").hasMessageContaining("quoteValidDays"));
    }

    @Test
    void anInstallationThatEscalatesAtOnceStopsStartUpNamingTheKey() {
        context.withPropertyValues("automation.sales.installation-confirm-within=PT0S").run(started ->
                assertThat(started).getFailure().rootCause().hasMessageContaining("installation-confirm-within"));
    }
}
