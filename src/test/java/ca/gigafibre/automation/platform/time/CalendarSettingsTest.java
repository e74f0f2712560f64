package ca.gigafibre.automation.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.testing.BoundSettings;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** {@code automation.calendar.extra-days}: none by default (and none when empty, as production sets it), days off when given, a bad date stops start-up. */
class CalendarSettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(CalendarSettings.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void noExtraDayByDefaultNorWhenTheKeyIsEmpty() {
        assertThat(BoundSettings.defaults("automation.calendar", CalendarSettings.class).extraDays()).isEmpty();
        context.withPropertyValues("automation.calendar.extra-days=").run(started ->
                assertThat(started.getBean(CalendarSettings.class).extraDays()).isEmpty());
    }

    @Test
    void theExtraDaysAreDaysOff() {
        CalendarSettings settings = BoundSettings.bind("automation.calendar", CalendarSettings.class,
                Map.of("automation.calendar.extra-days", "2026-12-24,2026-12-31"));
        BusinessCalendar calendar = new BusinessCalendar(settings);
        assertThat(settings.extraDays()).containsExactly(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 31));
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 12, 31))).isFalse();   // a Thursday
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 12, 30))).isTrue();
    }

    @Test
    void aDateThatDoesNotParseStopsStartUpNamingTheKey() {
        context.withPropertyValues("automation.calendar.extra-days=2026-12-24,Noël").run(started ->
                assertThat(started).getFailure().hasStackTraceContaining("automation.calendar.extra-days"));
    }
}
