package ca.gigafibre.automation.support;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code Task_Diagnose} (a retried job): the location's live connection, as a readable summary and as the facts the
 * business-rule task's DMN {@code remote-fix} decides on (CPE found, online, optical signal).
 */
@Component("diagnoseTicket")
public class DiagnoseTicket implements JavaDelegate {

    private final JdbcClient jdbc;
    private final ConnectionDiagnosis diagnosis;

    public DiagnoseTicket(JdbcClient jdbc, ConnectionDiagnosis diagnosis) {
        this.jdbc = jdbc;
        this.diagnosis = diagnosis;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long locationId = jdbc.sql("SELECT location_id FROM automation.ticket WHERE ticket_no = :no")
                .param("no", execution.getProcessBusinessKey()).query(Long.class).single();
        ConnectionDiagnosis.Connection connection = diagnosis.of(locationId);
        execution.setVariable("deviceFound", connection.cpeFound());
        execution.setVariable("online", connection.online());
        execution.setVariable("signal", connection.signal());
        if (!(execution.getVariable("remoteActions") instanceof Number)) {
            execution.setVariable("remoteActions", 0);
        }
        execution.setVariable("connectionSummary", connection.summary());
        execution.setVariable("cpeDeviceId", connection.cpeDeviceId());
        execution.setVariable("lastInformBefore", connection.lastInform() == null ? null : connection.lastInform().toString());
    }
}
