package ca.gigafibre.automation.testing;

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
    private final ca.gigafibre.automation.platform.time.BusinessHours hours;

    public BusinessDayClock(BusinessCalendar calendar, ca.gigafibre.automation.platform.time.BusinessHours hours) {
        this.calendar = calendar;
        this.hours = hours;
    }

    /** 10:00 on today's date if it is a cut day (a business day on which service may be cut), else on the next one. */
    public LocalDate businessDay() {
        return at(nextCutDay(LocalDate.now(BusinessTime.ZONE)));
    }

    /** 10:00 on the coming Friday that is a business day (service is never cut on a Friday). */
    public LocalDate friday() {
        LocalDate day = LocalDate.now(BusinessTime.ZONE).with(TemporalAdjusters.next(DayOfWeek.FRIDAY));
        while (!calendar.isBusinessDay(day)) {
            day = day.plusWeeks(1);
        }
        return at(day);
    }

    public LocalDate nextCutDay(LocalDate from) {
        LocalDate day = from;
        while (!hours.isCutDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** 10:00 on the coming Saturday. */
    public LocalDate saturday() {
        return at(LocalDate.now(BusinessTime.ZONE).with(TemporalAdjusters.next(DayOfWeek.SATURDAY)));
    }

    /** {@code days} later, then on to a business day if that is not one. */
    public LocalDate laterBusinessDay(int days) {
        return at(nextCutDay(BusinessTime.today().plusDays(days)));
    }

    public LocalDate at(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(10, 0).atZone(BusinessTime.ZONE).toInstant()));
        return day;
    }

    public void reset() {
        ClockUtil.reset();
    }
}
