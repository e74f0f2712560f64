package ca.gigafibre.automation.provisioning;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@code Task_SaveProvisioningData}: the OLT and port ops corrected become the location's, before registering again. */
@Component("saveProvisioningData")
public class SaveProvisioningDataDelegate implements JavaDelegate {

    private final JdbcClient jdbc;

    public SaveProvisioningDataDelegate(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void execute(DelegateExecution execution) {
        jdbc.sql("""
                UPDATE automation.service_location l SET olt_id = :olt, olt_port = :port
                FROM automation.service_order o JOIN automation.subscription s ON s.id = o.subscription_id
                WHERE l.id = o.location_id AND s.subscription_no = :no
                """)
                .param("olt", execution.getVariable("oltId")).param("port", execution.getVariable("oltPort"))
                .param("no", execution.getProcessBusinessKey()).update();
    }
}
