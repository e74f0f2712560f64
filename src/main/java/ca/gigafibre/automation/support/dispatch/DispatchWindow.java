package ca.gigafibre.automation.support.dispatch;

import ca.gigafibre.automation.platform.time.BusinessTime;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/**
 * The windows a visit is booked in, as support books them elsewhere: morning 08:00–12:00, afternoon 12:00–17:00, or the
 * whole day (both halves), Montreal time. A technician holds one booking per half-day.
 */
public enum DispatchWindow {
    AM(8, 12, List.of("am")),
    PM(12, 17, List.of("pm")),
    DAY(8, 17, List.of("am", "pm"));

    private final int fromHour;
    private final int toHour;
    private final List<String> halves;

    DispatchWindow(int fromHour, int toHour, List<String> halves) {
        this.fromHour = fromHour;
        this.toHour = toHour;
        this.halves = halves;
    }

    public static DispatchWindow of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public OffsetDateTime start(LocalDate day) {
        return day.atTime(fromHour, 0).atZone(BusinessTime.ZONE).toOffsetDateTime();
    }

    public OffsetDateTime end(LocalDate day) {
        return day.atTime(toHour, 0).atZone(BusinessTime.ZONE).toOffsetDateTime();
    }

    /** The half-days this window holds: one row each in {@code technician_booking}. */
    public List<String> halves() {
        return halves;
    }

    /** "matin (8 h – 12 h)" / "morning (8:00–12:00)" */
    public String french() {
        return switch (this) {
            case AM -> "matin (8 h – 12 h)";
            case PM -> "après-midi (12 h – 17 h)";
            case DAY -> "journée (8 h – 17 h)";
        };
    }

    public String english() {
        return switch (this) {
            case AM -> "morning (8:00–12:00)";
            case PM -> "afternoon (12:00–17:00)";
            case DAY -> "whole day (8:00–17:00)";
        };
    }
}
