package ca.gigafibre.automation.sales;

import ca.gigafibre.automation.support.Appointments;
import ca.gigafibre.automation.support.DispatchJobs;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code Task_CreateInstallationJob}, run in the completion of "Planifier l'installation": the appointment picked (a
 * business day, a window, an active technician; else the completion is refused with the field) becomes the
 * installation's dispatch job.
 */
@Component("scheduleInstallation")
public class ScheduleInstallation implements JavaDelegate {

    private final JdbcClient jdbc;
    private final Appointments appointments;
    private final DispatchJobs jobs;
    private final SalesSettings settings;

    public ScheduleInstallation(JdbcClient jdbc, Appointments appointments, DispatchJobs jobs, SalesSettings settings) {
        this.jdbc = jdbc;
        this.appointments = appointments;
        this.jobs = jobs;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Appointments.Appointment appointment = appointments.read(execution.getVariable("installationDate"),
                execution.getVariable("installationWindow"), execution.getVariable("technicianId"), "installationDate", "installationWindow");
        long[] ids = jdbc.sql("""
                SELECT q.id, q.customer_id, l.id FROM automation.quote q JOIN automation.service_location l ON l.id = q.location_id
                WHERE q.quote_no = :no
                """).param("no", execution.getProcessBusinessKey())
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
        String jobNo = jobs.schedule(new DispatchJobs.NewJob("installation", ids[0], null, ids[1], ids[2], "installation",
                appointment.technician(), appointment.start(), appointment.end()));
        execution.setVariable("dispatchJobId", jobNo);
        execution.setVariable("installationSlot", appointment.label());
        execution.setVariable("installationConfirmBy", settings.confirmationDeadline(appointment.end()));
        execution.removeVariable("installationOutcome");
        execution.removeVariable("installationFailureReason");
    }
}
