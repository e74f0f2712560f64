package ca.gigafibre.automation.provisioning.deactivation;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ReleaseService}: a location's IPs go back to the pool (their IP history ends now) and its equipment is to
 * come back; {@code hasEquipment} and the list for the return task come out. A line's deactivation releases nothing here.
 */
@Component("releaseDeactivatedService")
public class ReleaseServiceDelegate implements JavaDelegate {

    private final Deactivations deactivations;
    private final DeactivatedNetwork network;

    public ReleaseServiceDelegate(Deactivations deactivations, DeactivatedNetwork network) {
        this.deactivations = deactivations;
        this.network = network;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Deactivations.Row row = deactivations.get(((Number) execution.getVariable("deactivationId")).longValue());
        List<String> equipment = List.of();
        if (row.kind().equals("location") && row.locationId() != null) {
            network.releaseIps(row.locationId());
            network.markEquipmentToReturn(row.locationId());
            equipment = network.equipmentToReturn(row.locationId());
        }
        execution.setVariable("hasEquipment", !equipment.isEmpty());
        execution.setVariable("equipmentToReturn", String.join("\n", equipment));
    }
}
