package ca.gigafibre.automation.support;

import ca.gigafibre.automation.platform.time.BusinessCalendar;
import ca.gigafibre.automation.platform.time.BusinessTime;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Puts the engine clock on a known kind of day, so tests that cut service behave the same whatever day CI runs
 * (no cut on weekends and holidays). {@link #reset()} gives the real clock back.
 */
@Component
public class BusinessDayClock {

    private final BusinessCalendar calendar;

    public BusinessDayClock(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    /** 10:00 on today's date if it is a business day, else on the next one. */
    public LocalDate businessDay() {
        return at(calendar.nextBusinessDay(LocalDate.now(BusinessTime.ZONE)));
    }

    /** 10:00 on the coming Saturday. */
    public LocalDate saturday() {
        return at(LocalDate.now(BusinessTime.ZONE).with(TemporalAdjusters.next(DayOfWeek.SATURDAY)));
    }

    /** {@code days} later, then on to a business day if that is not one. */
    public LocalDate laterBusinessDay(int days) {
        return at(calendar.nextBusinessDay(BusinessTime.today().plusDays(days)));
    }

    public LocalDate at(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(10, 0).atZone(BusinessTime.ZONE).toInstant()));
        return day;
    }

    public void reset() {
        ClockUtil.reset();
    }
}
