package ca.gigafibre.automation.platform.time;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The business clock and zone. "Now" follows the engine's clock so process tests that move Camunda's clock
 * move the domain with it; instants are shown in America/Montreal.
 */
public final class BusinessTime {

    public static final ZoneId ZONE = ZoneId.of("America/Montreal");

    private BusinessTime() {
    }

    public static OffsetDateTime now() {
        return OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZONE);
    }

    public static LocalDate today() {
        return now().toLocalDate();
    }

    /** The instant a Montreal day begins, as the java.util.Date BPMN timers take. */
    public static java.util.Date startOf(LocalDate day) {
        return at(day, 0);
    }

    /** {@code hour}:00 Montreal time on {@code day}, as the java.util.Date BPMN timers take. */
    public static java.util.Date at(LocalDate day, int hour) {
        return java.util.Date.from(day.atTime(hour, 0).atZone(ZONE).toInstant());
    }

    /** A timestamptz column as Montreal local time (the driver hands instants back in UTC). */
    public static OffsetDateTime read(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.atZoneSameInstant(ZONE).toOffsetDateTime();
    }
}
