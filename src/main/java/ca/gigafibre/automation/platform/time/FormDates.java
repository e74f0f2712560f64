package ca.gigafibre.automation.platform.time;

import ca.gigafibre.automation.platform.error.FieldProblem;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** A day typed in a Camunda Form ("2026-03-26") or set through the REST API (a Date), checked for a task's completion. */
public final class FormDates {

    private FormDates() {
    }

    /** @return the day, today or later; null (with the problem added) when missing, unreadable or past */
    public static LocalDate todayOrLater(Object value, String field, List<FieldProblem> problems) {
        LocalDate day;
        try {
            if (value instanceof java.util.Date date) {
                day = date.toInstant().atZone(BusinessTime.ZONE).toLocalDate();
            } else if (value == null || value.toString().isBlank()) {
                problems.add(new FieldProblem(field, "is required"));
                return null;
            } else {
                day = LocalDate.parse(value.toString().substring(0, Math.min(10, value.toString().length())));
            }
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "must be a date (YYYY-MM-DD)"));
            return null;
        }
        if (day.isBefore(BusinessTime.today())) {
            problems.add(new FieldProblem(field, "must not be in the past"));
            return null;
        }
        return day;
    }
}
