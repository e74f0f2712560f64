package ca.gigafibre.automation.support;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@code Task_ResolveTicket}: the ticket is resolved with how (remotely, by the visit, at the desk). */
@Component("resolveTicket")
public class ResolveTicket implements JavaDelegate {

    private final JdbcClient jdbc;

    public ResolveTicket(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object resolution = execution.getVariable("resolution");
        jdbc.sql("UPDATE automation.ticket SET status = 'resolved', closed_at = now(), resolution = :resolution WHERE ticket_no = :no")
                .param("resolution", resolution == null ? null : resolution.toString()).param("no", execution.getProcessBusinessKey()).update();
    }
}
