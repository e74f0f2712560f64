package ca.gigafibre.automation.platform.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Business days in Quebec: not Saturday or Sunday, not a statutory holiday of the Act respecting labour standards
 * (New Year, Good Friday or Easter Monday, Patriots' Day, Fête nationale, Canada Day, Labour Day, Thanksgiving,
 * Christmas), nor a day operators add ({@code automation.calendar.extra-days}). Rules and timers ask it before
 * cutting service.
 */
@Component("businessCalendar")
public class BusinessCalendar {

    private final boolean easterMonday;
    private final Set<LocalDate> extraDays;

    public BusinessCalendar(@Value("${automation.calendar.easter-holiday:good-friday}") String easterHoliday,
                            @Value("${automation.calendar.extra-days:}") List<LocalDate> extraDays) {
        if (!easterHoliday.equals("good-friday") && !easterHoliday.equals("easter-monday")) {
            throw new IllegalStateException("automation.calendar.easter-holiday must be good-friday or easter-monday, not " + easterHoliday);
        }
        this.easterMonday = easterHoliday.equals("easter-monday");
        this.extraDays = new TreeSet<>(extraDays);
    }

    public boolean isBusinessDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY && !isHoliday(day);
    }

    /** The day itself when it is a business day, else the next one. */
    public LocalDate nextBusinessDay(LocalDate from) {
        LocalDate day = from;
        while (!isBusinessDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    public boolean isHoliday(LocalDate day) {
        return holidays(day.getYear()).contains(day) || extraDays.contains(day);
    }

    public Set<LocalDate> holidays(int year) {
        LocalDate easter = easterSunday(year);
        LocalDate canadaDay = LocalDate.of(year, Month.JULY, 1);
        return new TreeSet<>(List.of(
                LocalDate.of(year, Month.JANUARY, 1),
                easterMonday ? easter.plusDays(1) : easter.minusDays(2),
                LocalDate.of(year, Month.MAY, 24).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                LocalDate.of(year, Month.JUNE, 24),
                canadaDay.getDayOfWeek() == DayOfWeek.SUNDAY ? canadaDay.plusDays(1) : canadaDay,
                LocalDate.of(year, Month.SEPTEMBER, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)),
                LocalDate.of(year, Month.OCTOBER, 1).with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.MONDAY)),
                LocalDate.of(year, Month.DECEMBER, 25)));
    }

    /** Gregorian Easter Sunday (anonymous Gregorian algorithm). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}
