package ca.gigafibre.automation.billing;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.testing.BoundSettings;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** {@code automation.billing.*} in one record: today's defaults kept, and a value that would do harm stops start-up naming its key. */
class BillingSettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(BillingSettings.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class)).withUserConfiguration(Settings.class);

    @Test
    void theDefaultsAreTheOnesTheKeysHadBefore() {
        BillingSettings settings = BoundSettings.defaults("automation.billing", BillingSettings.class);
        assertThat(settings.runCron()).isEqualTo("0 0 6 1 * ?");
        assertThat(settings.startChunk()).isEqualTo(250);
        assertThat(settings.startWorkers()).isEqualTo(2);
        assertThat(settings.dueDays()).isEqualTo(21);
        assertThat(settings.bankNoticeDays()).isEqualTo(10);
        assertThat(settings.returnedPaymentFee()).isEqualTo(new BigDecimal("25.00"));
        assertThat(settings.chargeReconcileInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.chargeReconcileAfter()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.chargeReconcileWindow()).isEqualTo(Duration.ofDays(90));
        assertThat(settings.stripeSwitch().linkValid()).isEqualTo(Duration.ofHours(24));
        assertThat(settings.stripeSwitch().returnUrl()).isEqualTo("https://www.gigafibre.ca/");
        assertThat(settings.stripeSwitch().interval()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void theKeysKeepTheirNames() {
        context.withPropertyValues("automation.billing.due-days=20", "automation.billing.bank-notice-days=11",
                        "automation.billing.returned-payment-fee=30.00", "automation.billing.charge-reconcile-window=P60D",
                        "automation.billing.stripe-switch.link-valid=PT12H", "automation.billing.stripe-switch.return-url=https://portail.example.ca/carte")
                .run(started -> {
                    BillingSettings settings = started.getBean(BillingSettings.class);
                    assertThat(settings.dueDays()).isEqualTo(20);
                    assertThat(settings.bankNoticeDays()).isEqualTo(11);
                    assertThat(settings.returnedPaymentFee()).isEqualTo(new BigDecimal("30.00"));
                    assertThat(settings.chargeReconcileWindow()).isEqualTo(Duration.ofDays(60));
                    assertThat(settings.stripeSwitch().linkValid()).isEqualTo(Duration.ofHours(12));
                    assertThat(settings.stripeSwitch().returnUrl()).isEqualTo("https://portail.example.ca/carte");
                });
    }

    @Test
    void negativeDaysStopStartUpNamingTheKey() {
        context.withPropertyValues("automation.billing.bank-notice-days=-1").run(started ->
                assertThat(started).getFailure().rootCause().hasMessageContaining("automation.billing").hasMessageContaining("bankNoticeDays"));
    }

    @Test
    void noWorkerOrMoreWorkersThanConnectionsToSpareStopStartUpNamingTheKey() {
        for (String workers : new String[] {"0", "9"}) {
            context.withPropertyValues("automation.billing.start-workers=" + workers).run(started ->
                    assertThat(started).getFailure().rootCause().hasMessageContaining("automation.billing").hasMessageContaining("startWorkers"));
        }
    }

    @Test
    void aZeroIntervalStopsStartUp() {
        context.withPropertyValues("automation.billing.charge-reconcile-interval=PT0S").run(started ->
                assertThat(started).getFailure().rootCause().hasMessageContaining("charge-reconcile-interval"));
        context.withPropertyValues("automation.billing.stripe-switch.interval=PT0S").run(started ->
                assertThat(started).getFailure().rootCause().hasMessageContaining("stripeSwitch.positive"));
    }

    @Test
    void aNegativeFeeStopsStartUp() {
        context.withPropertyValues("automation.billing.returned-payment-fee=-5").run(started ->
                assertThat(started).getFailure().rootCause().hasMessageContaining("returnedPaymentFee"));
    }
}
