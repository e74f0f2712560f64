package ca.gigafibre.automation.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.collections.CollectionsSettings;
import ca.gigafibre.automation.testing.BoundSettings;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * {@code automation.collections.cut-*}: Monday to Thursday 08:00–15:00 by default, bound beside collections' own record
 * at the same prefix, and no cut day or a window that never opens stops start-up.
 */
class CutWindowSettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({CutWindowSettings.class, CollectionsSettings.class})
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class)).withUserConfiguration(Settings.class);

    @Test
    void serviceIsCutMondayToThursdayFromEightToThreeByDefault() {
        CutWindowSettings cut = BoundSettings.defaults("automation.collections", CutWindowSettings.class);
        assertThat(cut.cutDays()).containsExactly(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY);
        assertThat(cut.cutWindowStart()).isEqualTo(LocalTime.of(8, 0));
        assertThat(cut.cutWindowEnd()).isEqualTo(LocalTime.of(15, 0));
    }

    @Test
    void itAndCollectionsSettingsEachReadTheirOwnKeysOfThePrefix() {
        context.withPropertyValues("automation.collections.cut-days=MONDAY,TUESDAY,WEDNESDAY", "automation.collections.cut-window-end=14:00",
                "automation.collections.sweep-page-size=250").run(started -> {
                    CutWindowSettings cut = started.getBean(CutWindowSettings.class);
                    assertThat(cut.cutDays()).containsExactly(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY);
                    assertThat(cut.cutWindowEnd()).isEqualTo(LocalTime.of(14, 0));
                    assertThat(started.getBean(CollectionsSettings.class).sweepPageSize()).isEqualTo(250);
                    BusinessHours hours = new BusinessHours(new BusinessCalendar(new CalendarSettings(List.of())),
                            BoundSettings.defaults("automation.notify", NotificationWindowSettings.class), cut);
                    assertThat(hours.isCutDay(LocalDate.of(2027, 3, 10))).isTrue();    // a Wednesday
                    assertThat(hours.isCutDay(LocalDate.of(2027, 3, 11))).isFalse();   // Thursday is no cut day any more
                });
    }

    @Test
    void noCutDayStopsStartUpNamingTheKey() {
        context.withPropertyValues("automation.collections.cut-days=").run(started ->
                assertThat(started).getFailure().rootCause().hasMessageContaining("automation.collections").hasMessageContaining("cutDays"));
    }

    @Test
    void aCutWindowWhoseEndIsNotAfterItsStartStopsStartUpNamingTheKeys() {
        context.withPropertyValues("automation.collections.cut-window-start=15:00", "automation.collections.cut-window-end=08:00").run(started ->
                assertThat(started).getFailure().rootCause().hasMessageContaining("cut-window-end").hasMessageContaining("cut-window-start"));
    }
}
