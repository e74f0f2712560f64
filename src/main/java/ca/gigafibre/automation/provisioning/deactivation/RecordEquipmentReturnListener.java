package ca.gigafibre.automation.provisioning.deactivation;

import ca.gigafibre.automation.platform.error.InvalidRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completing "Récupérer l'équipement": the equipment came back ({@code returned}) or the customer keeps it
 * ({@code customer-keeps}); the equipment's status and the deactivation record it, with who decided. Anything else keeps
 * the task open (422 naming the field). The decision log gets it from the task's {@code decision} property.
 */
@Component("recordEquipmentReturn")
public class RecordEquipmentReturnListener implements TaskListener {

    private final Deactivations deactivations;
    private final DeactivatedNetwork network;

    public RecordEquipmentReturnListener(Deactivations deactivations, DeactivatedNetwork network) {
        this.deactivations = deactivations;
        this.network = network;
    }

    @Override
    public void notify(DelegateTask task) {
        Object outcome = task.getVariable("equipmentOutcome");
        if (!"returned".equals(outcome) && !"customer-keeps".equals(outcome)) {
            throw new InvalidRequestException("equipmentOutcome", "must be returned or customer-keeps");
        }
        Deactivations.Row row = deactivations.get(((Number) task.getVariable("deactivationId")).longValue());
        if (row.locationId() != null) {
            network.equipmentCameBack(row.locationId(), "returned".equals(outcome));
        }
        String user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication() == null ? task.getAssignee()
                : task.getProcessEngineServices().getIdentityService().getCurrentAuthentication().getUserId();
        deactivations.recordEquipmentOutcome(row.id(), (String) outcome, user);
    }
}
