package ca.gigafibre.automation.support;

import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code Task_Diagnose} (a retried job): the location's live connection, as a readable summary on the ticket and in the
 * forms, then the DMN {@code remote-fix} says what to do: reboot, re-push the plan, resolved, or dispatch.
 */
@Component("diagnoseTicket")
public class DiagnoseTicket implements JavaDelegate {

    private final JdbcClient jdbc;
    private final ConnectionDiagnosis diagnosis;
    private final DecisionService dmn;

    public DiagnoseTicket(JdbcClient jdbc, ConnectionDiagnosis diagnosis, DecisionService dmn) {
        this.jdbc = jdbc;
        this.diagnosis = diagnosis;
        this.dmn = dmn;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String ticketNo = execution.getProcessBusinessKey();
        long locationId = jdbc.sql("SELECT location_id FROM automation.ticket WHERE ticket_no = :no").param("no", ticketNo)
                .query(Long.class).single();
        ConnectionDiagnosis.Connection connection = diagnosis.of(locationId);
        int remoteActions = execution.getVariable("remoteActions") instanceof Number n ? n.intValue() : 0;
        Map<String, Object> fix = dmn.evaluateDecisionTableByKey("remote-fix", Map.of("deviceFound", connection.cpeFound(),
                "online", connection.online(), "signal", connection.signal(), "remoteActions", remoteActions)).getSingleResult().getEntryMap();
        String summary = connection.summary() + "\n→ " + fix.get("reason");
        jdbc.sql("UPDATE automation.ticket SET diagnosis = :diagnosis, status = 'in-progress' WHERE ticket_no = :no")
                .param("diagnosis", summary).param("no", ticketNo).update();
        execution.setVariable("diagnosis", summary);
        execution.setVariable("cpeDeviceId", connection.cpeDeviceId());
        execution.setVariable("lastInformBefore", connection.lastInform() == null ? null : connection.lastInform().toString());
        execution.setVariable("remoteAction", fix.get("action"));
        if ("resolved".equals(fix.get("action"))) {
            execution.setVariable("resolution", "Réglé à distance / Fixed remotely: " + fix.get("reason"));
        }
    }
}
