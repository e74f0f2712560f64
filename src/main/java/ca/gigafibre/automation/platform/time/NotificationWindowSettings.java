package ca.gigafibre.automation.platform.time;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code automation.notify.window-start}, {@code window-end}: when, on business days, messages may go out (Montreal time,
 * {@link BusinessHours}). The sender keys beside them ({@code sms-from}, {@code email-from}) are the notifiers'. A window
 * whose end is not after its start would hold every message for good: start-up stops naming the keys.
 */
@Validated
@ConfigurationProperties("automation.notify")
public record NotificationWindowSettings(@DefaultValue("08:00") @NotNull LocalTime windowStart,
                                         @DefaultValue("20:00") @NotNull LocalTime windowEnd) {

    @AssertTrue(message = "window-end must be after window-start / doit être après window-start")
    public boolean isWindowOpen() {
        return windowStart == null || windowEnd == null || windowStart.isBefore(windowEnd);   // null is @NotNull's to report
    }
}
