package ca.gigafibre.automation.adapter.notify;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.platform.time.NotificationWindowSettings;
import ca.gigafibre.automation.testing.BoundSettings;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * {@code automation.notify.sms-from}, {@code email-from}: the senders keep their defaults, production's empty
 * {@code sms-from} starts, and the window keys of the same prefix stay the notification window's.
 */
class NotifySettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({NotifySettings.class, NotificationWindowSettings.class})
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void theSendersAreTheOnesTheKeysHadBefore() {
        NotifySettings notify = BoundSettings.defaults("automation.notify", NotifySettings.class);
        assertThat(notify.smsFrom()).isEqualTo("+15555550100");
        assertThat(notify.emailFrom()).isEqualTo("TARGO <facturation@gigafibre.ca>");
    }

    @Test
    void eachRecordReadsItsOwnKeysOfThePrefix() {
        context.withPropertyValues("automation.notify.sms-from=+14505550199", "automation.notify.email-from=facturation@example.ca",
                "automation.notify.window-end=19:30").run(started -> {
                    assertThat(started.getBean(NotifySettings.class).smsFrom()).isEqualTo("+14505550199");
                    assertThat(started.getBean(NotifySettings.class).emailFrom()).isEqualTo("facturation@example.ca");
                    assertThat(started.getBean(NotificationWindowSettings.class).windowEnd()).isEqualTo(LocalTime.of(19, 30));
                });
    }

    @Test
    void productionsEmptySmsFromStillStarts() {
        context.withPropertyValues("automation.notify.sms-from=").run(started -> {
            assertThat(started).hasNotFailed();
            assertThat(started.getBean(NotifySettings.class).smsFrom()).isEmpty();
        });
    }
}
