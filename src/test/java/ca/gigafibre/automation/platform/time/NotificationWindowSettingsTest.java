package ca.gigafibre.automation.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.testing.BoundSettings;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** {@code automation.notify.window-*}: 08:00–20:00 by default, BusinessHours follows it, a window that never opens stops start-up. */
class NotificationWindowSettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(NotificationWindowSettings.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class)).withUserConfiguration(Settings.class);

    @Test
    void messagesGoOutFromEightToEightByDefault() {
        NotificationWindowSettings window = BoundSettings.defaults("automation.notify", NotificationWindowSettings.class);
        assertThat(window.windowStart()).isEqualTo(LocalTime.of(8, 0));
        assertThat(window.windowEnd()).isEqualTo(LocalTime.of(20, 0));
    }

    @Test
    void businessHoursKeepsMessagesInsideTheConfiguredWindow() {
        NotificationWindowSettings window = BoundSettings.bind("automation.notify", NotificationWindowSettings.class,
                Map.of("automation.notify.window-start", "08:30", "automation.notify.window-end", "19:30"));
        BusinessHours hours = new BusinessHours(new BusinessCalendar(new CalendarSettings(List.of())), window,
                BoundSettings.defaults("automation.collections", CutWindowSettings.class));
        assertThat(hours.isNotificationTime(OffsetDateTime.parse("2027-03-09T19:45:00-05:00"))).isFalse();   // a Tuesday
        assertThat(hours.isNotificationTime(OffsetDateTime.parse("2027-03-09T19:15:00-05:00"))).isTrue();
        assertThat(hours.nextNotificationTime(OffsetDateTime.parse("2027-03-09T08:00:00-05:00")))
                .isEqualTo(OffsetDateTime.parse("2027-03-09T08:30:00-05:00"));
    }

    @Test
    void aWindowWhoseEndIsNotAfterItsStartStopsStartUpNamingTheKeys() {
        for (String end : new String[] {"08:00", "07:00"}) {
            context.withPropertyValues("automation.notify.window-start=08:00", "automation.notify.window-end=" + end).run(started ->
                    assertThat(started).getFailure().rootCause().hasMessageContaining("automation.notify").hasMessageContaining("window-end")
                            .hasMessageContaining("window-start"));
        }
    }

    @Test
    void theSendersBesideItAreNotItsToRefuse() {
        context.withPropertyValues("automation.notify.sms-from=", "automation.notify.email-from=facturation@example.ca").run(started ->
                assertThat(started.getBean(NotificationWindowSettings.class).windowEnd()).isEqualTo(LocalTime.of(20, 0)));
    }
}
