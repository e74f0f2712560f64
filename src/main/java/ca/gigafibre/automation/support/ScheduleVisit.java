package ca.gigafibre.automation.support;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@code Task_ScheduleVisit}, run in the completion of "Répartir un technicien": the chosen appointment becomes a dispatch job. */
@Component("scheduleVisit")
public class ScheduleVisit implements JavaDelegate {

    private final JdbcClient jdbc;
    private final Appointments appointments;
    private final DispatchJobs jobs;

    public ScheduleVisit(JdbcClient jdbc, Appointments appointments, DispatchJobs jobs) {
        this.jdbc = jdbc;
        this.appointments = appointments;
        this.jobs = jobs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Appointments.Appointment appointment = appointments.read(execution.getVariable("appointmentDate"),
                execution.getVariable("appointmentWindow"), execution.getVariable("technicianId"), "appointmentDate", "appointmentWindow");
        long[] ids = jdbc.sql("SELECT id, customer_id, location_id FROM automation.ticket WHERE ticket_no = :no")
                .param("no", execution.getProcessBusinessKey()).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
        String jobNo = jobs.schedule(new DispatchJobs.NewJob("repair", null, ids[0], ids[1], ids[2], (String) execution.getVariable("requiredSkill"),
                appointment.technician(), appointment.start(), appointment.end()));
        jdbc.sql("UPDATE automation.ticket SET status = 'waiting' WHERE id = :id").param("id", ids[0]).update();
        execution.setVariable("dispatchJobId", jobNo);
        execution.setVariable("appointmentSlot", appointment.label());
    }
}
