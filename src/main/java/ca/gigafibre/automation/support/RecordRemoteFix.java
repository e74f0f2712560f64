package ca.gigafibre.automation.support;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RecordRemoteFix}: the diagnosis and what the DMN {@code remote-fix} chose, with its reason, on the ticket
 * and in the forms; "resolved" becomes the ticket's resolution.
 */
@Component("recordRemoteFix")
public class RecordRemoteFix implements JavaDelegate {

    private final JdbcClient jdbc;

    public RecordRemoteFix(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object reason = execution.getVariable("remoteFixReason");
        String summary = execution.getVariable("connectionSummary") + "\n→ " + reason;
        jdbc.sql("UPDATE automation.ticket SET diagnosis = :diagnosis, status = 'in-progress' WHERE ticket_no = :no")
                .param("diagnosis", summary).param("no", execution.getProcessBusinessKey()).update();
        execution.setVariable("diagnosis", summary);
        if ("resolved".equals(execution.getVariable("remoteAction"))) {
            execution.setVariable("resolution", "Réglé à distance / Fixed remotely: " + reason);
        }
    }
}
