package ca.gigafibre.automation.support;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * {@code support-work-order / Task_DecideBillable} starts: the recorded work order's facts for the DMN
 * {@code work-billable} (cause, installation warranty, customer-owned equipment, commercial contract) as variables.
 */
@Component("prepareWorkBillableFacts")
public class PrepareWorkBillableFacts implements ExecutionListener {

    private final WorkOrders workOrders;
    private final SupportSettings settings;

    public PrepareWorkBillableFacts(WorkOrders workOrders, SupportSettings settings) {
        this.workOrders = workOrders;
        this.settings = settings;
    }

    @Override
    public void notify(DelegateExecution execution) {
        execution.setVariables(workOrders.billableFacts((String) execution.getVariable("workOrderId"),
                (String) execution.getVariable("workCause"), Boolean.TRUE.equals(execution.getVariable("customerOwnedEquipment")),
                settings.warrantyDays()));
    }
}
