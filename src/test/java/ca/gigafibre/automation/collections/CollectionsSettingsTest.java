package ca.gigafibre.automation.collections;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.testing.BoundSettings;
import java.time.Period;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** {@code automation.collections.*} in one record: today's defaults kept, BPMN's view unchanged, a harmful value stops start-up. */
class CollectionsSettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(CollectionsSettings.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class)).withUserConfiguration(Settings.class);

    @Test
    void theDefaultsAreTheOnesTheKeysHadBefore() {
        CollectionsSettings settings = BoundSettings.defaults("automation.collections", CollectionsSettings.class);
        assertThat(settings.suspensionReviewAfter()).isEqualTo(Period.ofDays(30));
        assertThat(settings.writeOffReviewAfter()).isEqualTo(Period.ofDays(120));
        assertThat(settings.noticeValidDays()).isEqualTo(30);
        assertThat(settings.suspensionGraceDays()).isEqualTo(30);
        assertThat(settings.suspensionNoticeDays()).isEqualTo(5);
        assertThat(settings.sweepCron()).isEqualTo("0 30 1 * * ?");
        assertThat(settings.sweepPageSize()).isEqualTo(500);
    }

    @Test
    void bpmnReadsTheSameDurationsUnderTheSameNames() {
        CollectionsTimers timers = new CollectionsTimers(BoundSettings.bind("automation.collections", CollectionsSettings.class,
                java.util.Map.of("automation.collections.suspension-review-after", "P20D", "automation.collections.suspension-notice-days", "6")));
        assertThat(timers.getSuspensionReviewAfter()).isEqualTo("P20D");
        assertThat(timers.getNoticePeriod()).isEqualTo("P6D");
        assertThat(timers.getNoticeDays()).isEqualTo(6);
    }

    @Test
    void negativeDaysStopStartUpNamingTheKey() {
        context.withPropertyValues("automation.collections.suspension-grace-days=-1").run(started ->
                assertThat(started).getFailure().rootCause().hasMessageContaining("automation.collections").hasMessageContaining("suspensionGraceDays"));
    }

    @Test
    void aZeroPageOrPeriodStopsStartUp() {
        context.withPropertyValues("automation.collections.sweep-page-size=0").run(started ->
                assertThat(started).getFailure().rootCause().hasMessageContaining("sweepPageSize"));
        context.withPropertyValues("automation.collections.write-off-review-after=P0D").run(started ->
                assertThat(started).getFailure().rootCause().hasMessageContaining("write-off-review-after"));
    }
}
