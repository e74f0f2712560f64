package ca.gigafibre.automation.voip;

import ca.gigafibre.automation.adapter.pbx.PbxClient;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@code Task_ActivateLine}: the line goes live on the PBX (only reached once 911 is confirmed). */
@Component("activateVoipLine")
public class ActivateVoipLineDelegate implements JavaDelegate {

    private final PbxClient pbx;
    private final JdbcClient jdbc;

    public ActivateVoipLineDelegate(PbxClient pbx, JdbcClient jdbc) {
        this.pbx = pbx;
        this.jdbc = jdbc;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String did = (String) execution.getVariable("did");
        pbx.setState(did, "active");
        jdbc.sql("UPDATE automation.voip_line SET state = 'active' WHERE did = :did AND state = 'pending'").param("did", did).update();
    }
}
