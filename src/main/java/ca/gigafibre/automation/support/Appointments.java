package ca.gigafibre.automation.support;

import ca.gigafibre.automation.platform.error.FieldProblem;
import ca.gigafibre.automation.platform.error.InvalidRequestException;
import ca.gigafibre.automation.platform.time.BusinessCalendar;
import ca.gigafibre.automation.platform.time.BusinessTime;
import ca.gigafibre.automation.platform.time.FormDates;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * An appointment as a dispatcher picks it in a form — a business day from today on, morning (08–12) or afternoon
 * (12–17), an active technician — checked with the fields at fault, so a wrong pick refuses the task's completion.
 */
@Component
public class Appointments {

    private final Technicians technicians;
    private final BusinessCalendar calendar;

    public Appointments(Technicians technicians, BusinessCalendar calendar) {
        this.technicians = technicians;
        this.calendar = calendar;
    }

    public record Appointment(LocalDate day, OffsetDateTime start, OffsetDateTime end, Technicians.Technician technician) {

        /** "2027-03-10 08:00–12:00 — TECH-001 — Gen Lussier" */
        public String label() {
            return day + " " + start.toLocalTime() + "–" + end.toLocalTime() + " — " + technician.label();
        }
    }

    public Appointment read(Object date, Object window, Object technicianId, String dateField, String windowField) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate day = FormDates.todayOrLater(date, dateField, problems);
        if (day != null && !calendar.isBusinessDay(day)) {
            problems.add(new FieldProblem(dateField, day + " is not a business day (weekend or Quebec holiday)"));
        }
        if (!"am".equals(window) && !"pm".equals(window)) {
            problems.add(new FieldProblem(windowField, "must be am (08:00–12:00) or pm (12:00–17:00)"));
        }
        Optional<Technicians.Technician> technician = technicians.activeByNo(technicianId == null ? null : technicianId.toString());
        if (technician.isEmpty()) {
            problems.add(new FieldProblem("technicianId", "must be an active technician such as TECH-001"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        boolean morning = "am".equals(window);
        return new Appointment(day, at(day, morning ? 8 : 12), at(day, morning ? 12 : 17), technician.get());
    }

    private static OffsetDateTime at(LocalDate day, int hour) {
        return day.atTime(LocalTime.of(hour, 0)).atZone(BusinessTime.ZONE).toOffsetDateTime();
    }
}
