package ca.gigafibre.automation.support;

import ca.gigafibre.automation.adapter.acs.GenieAcsClient;
import ca.gigafibre.automation.adapter.olt.OltClient;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RemoteFix} (a retried job): what the DMN chose — a reboot through a GenieACS task with connection request,
 * or the plan's speeds pushed again to the OLT and then a reboot to apply them. Both are idempotent: doing one twice
 * after a crash only reboots the CPE once more.
 */
@Component("applyRemoteFix")
public class RemoteFix implements JavaDelegate {

    private final GenieAcsClient acs;
    private final OltClient olt;
    private final JdbcClient jdbc;

    public RemoteFix(GenieAcsClient acs, OltClient olt, JdbcClient jdbc) {
        this.acs = acs;
        this.olt = olt;
        this.jdbc = jdbc;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if ("repush".equals(execution.getVariable("remoteAction"))) {
            jdbc.sql("""
                    SELECT e.serial, l.olt_id, l.olt_port, c.customer_no, l.location_no, p.download_mbps, p.upload_mbps
                    FROM automation.ticket t JOIN automation.service_location l ON l.id = t.location_id
                    JOIN automation.customer c ON c.id = t.customer_id
                    JOIN automation.equipment e ON e.location_id = l.id AND e.kind = 'ont' AND e.status = 'installed'
                    JOIN automation.subscription s ON s.location_id = l.id AND s.status IN ('active', 'suspended')
                    JOIN automation.plan p ON p.id = s.plan_id AND p.download_mbps IS NOT NULL
                    WHERE t.ticket_no = :no ORDER BY s.id DESC LIMIT 1
                    """).param("no", execution.getProcessBusinessKey())
                    .query(rs -> {
                        olt.register(rs.getString(1), new OltClient.OntRegistration(rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getInt(6), rs.getInt(7), "enabled"));
                    });
        }
        acs.reboot((String) execution.getVariable("cpeDeviceId"));
        execution.setVariable("remoteActions", ((Number) execution.getVariable("remoteActions")).intValue() + 1);
        execution.setVariable("informChecks", 0);
    }
}
