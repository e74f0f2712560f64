package ca.gigafibre.automation.platform.time;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Business days in Quebec: not Saturday or Sunday, not a public holiday of Quebec (jollyday's Canada/QC calendar:
 * New Year, Good Friday, Easter Monday, Patriots' Day, Fête nationale, Canada Day, Labour Day, Thanksgiving,
 * Christmas), nor a day operators add ({@code automation.calendar.extra-days}). Bank-only holidays (Nov. 11,
 * Dec. 26 …) stay business days.
 */
@Component("businessCalendar")
public class BusinessCalendar {

    private static final HolidayManager CANADA = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.CANADA));

    private final Set<LocalDate> extraDays;
    private final Map<Integer, Set<LocalDate>> holidaysByYear = new ConcurrentHashMap<>();

    public BusinessCalendar(CalendarSettings settings) {
        this.extraDays = new TreeSet<>(settings.extraDays());
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
        return holidaysByYear.computeIfAbsent(year, BusinessCalendar::quebecPublicHolidays);
    }

    private static Set<LocalDate> quebecPublicHolidays(int year) {
        Set<LocalDate> days = new TreeSet<>();
        for (Holiday holiday : CANADA.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY, "qc")) {
            days.add(holiday.getDate());
            holiday.getObservedDate().ifPresent(days::add);   // Canada Day on a Sunday is observed Monday July 2
        }
        // Fête nationale Act: when June 24 is a Sunday, the holiday is Monday June 25 (jollyday keeps June 24 only)
        LocalDate feteNationale = LocalDate.of(year, Month.JUNE, 24);
        if (feteNationale.getDayOfWeek() == DayOfWeek.SUNDAY) {
            days.add(feteNationale.plusDays(1));
        }
        return Set.copyOf(days);
    }
}
