package ca.gigafibre.automation.sales;

import ca.gigafibre.automation.platform.error.FieldProblem;
import ca.gigafibre.automation.platform.error.InvalidRequestException;
import ca.gigafibre.automation.platform.time.BusinessCalendar;
import ca.gigafibre.automation.platform.time.BusinessTime;
import ca.gigafibre.automation.platform.time.FormDates;
import ca.gigafibre.automation.support.DispatchJobs;
import ca.gigafibre.automation.support.Technicians;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code Task_CreateInstallationJob}, run in the completion of "Planifier l'installation": a business day from today on,
 * a morning or afternoon window, an active technician → the installation's dispatch job. A wrong value refuses the
 * completion with the field at fault.
 */
@Component("scheduleInstallation")
public class ScheduleInstallation implements JavaDelegate {

    private final JdbcClient jdbc;
    private final Technicians technicians;
    private final DispatchJobs jobs;
    private final BusinessCalendar calendar;
    private final SalesSettings settings;

    public ScheduleInstallation(JdbcClient jdbc, Technicians technicians, DispatchJobs jobs, BusinessCalendar calendar, SalesSettings settings) {
        this.jdbc = jdbc;
        this.technicians = technicians;
        this.jobs = jobs;
        this.calendar = calendar;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate day = FormDates.todayOrLater(execution.getVariable("installationDate"), "installationDate", problems);
        if (day != null && !calendar.isBusinessDay(day)) {
            problems.add(new FieldProblem("installationDate", day + " is not a business day (weekend or Quebec holiday)"));
        }
        String window = String.valueOf(execution.getVariable("installationWindow"));
        if (!List.of("am", "pm").contains(window)) {
            problems.add(new FieldProblem("installationWindow", "must be am (08:00–12:00) or pm (12:00–17:00)"));
        }
        Optional<Technicians.Technician> technician = technicians.activeByNo((String) execution.getVariable("technicianId"));
        if (technician.isEmpty()) {
            problems.add(new FieldProblem("technicianId", "must be an active technician such as TECH-001"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        OffsetDateTime start = day.atTime("am".equals(window) ? LocalTime.of(8, 0) : LocalTime.of(12, 0)).atZone(BusinessTime.ZONE).toOffsetDateTime();
        OffsetDateTime end = day.atTime("am".equals(window) ? LocalTime.of(12, 0) : LocalTime.of(17, 0)).atZone(BusinessTime.ZONE).toOffsetDateTime();
        long[] ids = jdbc.sql("""
                SELECT q.id, q.customer_id, l.id FROM automation.quote q JOIN automation.service_location l ON l.id = q.location_id
                WHERE q.quote_no = :no
                """).param("no", execution.getProcessBusinessKey())
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
        String jobNo = jobs.schedule(new DispatchJobs.NewJob("installation", ids[0], null, ids[1], ids[2], "installation",
                technician.get(), start, end));
        execution.setVariable("dispatchJobId", jobNo);
        execution.setVariable("installationSlot", day + " " + ("am".equals(window) ? "08:00–12:00" : "12:00–17:00")
                + " — " + technician.get().label());
        execution.setVariable("installationConfirmBy", settings.confirmationDeadline(end));
        execution.removeVariable("installationOutcome");
        execution.removeVariable("installationFailureReason");
    }
}
