package ca.gigafibre.automation.provisioning;

import ca.gigafibre.automation.adapter.ExternalRequestRejected;
import ca.gigafibre.automation.adapter.olt.OltClient;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RegisterOnt}: PUT the ONT on its OLT port with the plan's speeds, enabled (idempotent by serial).
 * A 409 (serial elsewhere) or 422 (unknown OLT/port) is wrong data: {@code PROVISIONING_DATA_INVALID} sends it to ops.
 */
@Component("registerOnt")
public class RegisterOntDelegate implements JavaDelegate {

    public static final String DATA_INVALID = "PROVISIONING_DATA_INVALID";

    private final ServiceOrders orders;
    private final OltClient olt;

    public RegisterOntDelegate(ServiceOrders orders, OltClient olt) {
        this.orders = orders;
        this.olt = olt;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ServiceOrders.Order order = orders.get(execution.getProcessBusinessKey());
        execution.setVariable("oltId", order.oltId());
        execution.setVariable("oltPort", order.oltPort());
        try {
            olt.register(order.ontSerial(), new OltClient.OntRegistration(order.oltId(), order.oltPort(), order.customerNo(),
                    order.locationNo(), order.downloadMbps(), order.uploadMbps(), "enabled"));
        } catch (ExternalRequestRejected e) {
            execution.setVariable("provisioningProblem", e.getMessage());
            throw new BpmnError(DATA_INVALID, e.getMessage());
        }
    }
}
