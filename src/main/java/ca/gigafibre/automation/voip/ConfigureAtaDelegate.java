package ca.gigafibre.automation.voip;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ConfigureAta}: marks the DID's ATA configuration (model, MAC, encrypted password) ready; the ATA
 * pulls its profile at boot. A line without an ATA (softphone, IP phone) has nothing to do here.
 */
@Component("configureAta")
public class ConfigureAtaDelegate implements JavaDelegate {

    private final JdbcClient jdbc;

    public ConfigureAtaDelegate(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String did = (String) execution.getVariable("did");
        int configured = jdbc.sql("UPDATE automation.ata_config SET configured_at = coalesce(configured_at, now()) WHERE did = :did")
                .param("did", did).update();
        execution.setVariable("ataConfigured", configured > 0);
    }
}
