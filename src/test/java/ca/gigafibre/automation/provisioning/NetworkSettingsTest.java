package ca.gigafibre.automation.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.testing.BoundSettings;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** {@code automation.network.reconciliation-cron}: 03:00 by default, the nightly trigger runs on the configured cron, an empty one stops start-up. */
class NetworkSettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(NetworkSettings.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class)).withUserConfiguration(Settings.class);

    @Test
    void theReconciliationRunsAtThreeByDefault() {
        assertThat(BoundSettings.defaults("automation.network", NetworkSettings.class).reconciliationCron()).isEqualTo("0 0 3 * * ?");
    }

    @Test
    void theNightlyTriggerRunsOnTheConfiguredCron() {
        context.withUserConfiguration(NetworkReconciliationJob.Schedule.class).withPropertyValues("automation.network.reconciliation-cron=0 15 3 * * ?")
                .run(started -> assertThat(started.getBean("networkReconciliationTrigger", CronTrigger.class).getCronExpression())
                        .isEqualTo("0 15 3 * * ?"));
    }

    @Test
    void anEmptyCronStopsStartUpNamingTheKey() {
        context.withPropertyValues("automation.network.reconciliation-cron= ").run(started ->
                assertThat(started).getFailure().rootCause().hasMessageContaining("automation.network").hasMessageContaining("reconciliationCron"));
    }
}
