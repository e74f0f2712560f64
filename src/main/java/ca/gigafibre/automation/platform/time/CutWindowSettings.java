package ca.gigafibre.automation.platform.time;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code automation.collections.cut-days}, {@code cut-window-start}, {@code cut-window-end}: the weekdays and hours service
 * may be cut ({@link BusinessHours}). The rest of {@code automation.collections.*} is collections' own record (platform sits
 * below collections and does not read it). No cut day, or a window whose end is not after its start, would leave every
 * cut waiting for good: start-up stops naming the keys.
 */
@Validated
@ConfigurationProperties("automation.collections")
public record CutWindowSettings(@DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY"}) @NotEmpty List<DayOfWeek> cutDays,
                                @DefaultValue("08:00") @NotNull LocalTime cutWindowStart,
                                @DefaultValue("15:00") @NotNull LocalTime cutWindowEnd) {

    public CutWindowSettings {
        cutDays = cutDays == null ? null : List.copyOf(cutDays);
    }

    @AssertTrue(message = "cut-window-end must be after cut-window-start / doit être après cut-window-start")
    public boolean isCutWindowOpen() {
        return cutWindowStart == null || cutWindowEnd == null || cutWindowStart.isBefore(cutWindowEnd);   // null is @NotNull's to report
    }
}
