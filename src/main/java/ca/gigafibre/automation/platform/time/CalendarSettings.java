package ca.gigafibre.automation.platform.time;

import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code automation.calendar.extra-days}: days operators take off on top of Quebec's public holidays
 * ({@code 2026-12-24,2026-12-31}; none by default), read by {@link BusinessCalendar}. A date that does not parse stops start-up.
 */
@ConfigurationProperties("automation.calendar")
public record CalendarSettings(List<LocalDate> extraDays) {

    public CalendarSettings {
        extraDays = extraDays == null ? List.of() : List.copyOf(extraDays);
    }
}
