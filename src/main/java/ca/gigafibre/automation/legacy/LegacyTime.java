package ca.gigafibre.automation.legacy;

import ca.gigafibre.automation.platform.time.BusinessTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Legacy dates are unix seconds and {@code 0} means unset; calendar dates are Montreal's. */
public final class LegacyTime {

    private LegacyTime() {
    }

    public static OffsetDateTime instant(Long unixSeconds) {
        if (unixSeconds == null || unixSeconds == 0) {
            return null;
        }
        return Instant.ofEpochSecond(unixSeconds).atOffset(ZoneOffset.UTC);
    }

    public static LocalDate date(Long unixSeconds) {
        if (unixSeconds == null || unixSeconds == 0) {
            return null;
        }
        return Instant.ofEpochSecond(unixSeconds).atZone(BusinessTime.ZONE).toLocalDate();
    }

    /**
     * A technician's arrival or departure: unix seconds, or a time of day ({@code 13:45}, {@code 13:45:00}) on the work
     * order's date. Null when unset ({@code 0} or blank).
     */
    public static OffsetDateTime onDay(String field, Object value, LocalDate day) {
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        if (text.isEmpty() || text.equals("0") || text.equals("00:00:00") || text.equals("00:00")) {
            return null;
        }
        if (text.matches("\\d{9,11}")) {
            return instant(Long.parseLong(text));
        }
        if (text.matches("\\d{1,2}:\\d{2}(:\\d{2})?")) {
            String[] parts = text.split(":");
            int hour = Integer.parseInt(parts[0]);
            int minute = Integer.parseInt(parts[1]);
            if (hour < 24 && minute < 60) {
                return day.atTime(LocalTime.of(hour, minute)).atZone(BusinessTime.ZONE).toOffsetDateTime();
            }
        }
        throw new LegacyValueRejected(field, "'" + text + "' is neither a time of day nor unix seconds");
    }
}
