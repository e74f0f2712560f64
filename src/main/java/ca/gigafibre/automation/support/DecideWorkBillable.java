package ca.gigafibre.automation.support;

import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_DecideBillable}: the DMN {@code work-billable} (cause, installation warranty, customer-owned equipment,
 * commercial contract) says whether the visit is billed; when it is, the labour and parts invoice is made.
 */
@Component("decideWorkBillable")
public class DecideWorkBillable implements JavaDelegate {

    private final WorkOrders workOrders;
    private final WorkOrderInvoices invoices;
    private final DecisionService dmn;
    private final SupportSettings settings;

    public DecideWorkBillable(WorkOrders workOrders, WorkOrderInvoices invoices, DecisionService dmn, SupportSettings settings) {
        this.workOrders = workOrders;
        this.invoices = invoices;
        this.dmn = dmn;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String workOrderNo = (String) execution.getVariable("workOrderId");
        Map<String, Object> decision = dmn.evaluateDecisionTableByKey("work-billable", workOrders.billableFacts(workOrderNo,
                (String) execution.getVariable("workCause"), Boolean.TRUE.equals(execution.getVariable("customerOwnedEquipment")),
                settings.warrantyDays())).getSingleResult().getEntryMap();
        boolean billable = Boolean.TRUE.equals(decision.get("billable"));
        execution.setVariable("billable", billable);
        execution.setVariable("billableReason", decision.get("billableReason"));
        if (billable) {
            execution.setVariable("labourInvoiceId", invoices.invoice(workOrderNo));
        }
        WorkOrderView order = workOrders.get(workOrderNo);
        execution.setVariable("workOutcome", order.outcome());
        execution.setVariable("resolution", "Visite du technicien / Technician visit " + workOrderNo
                + (order.notes() == null ? "" : ": " + order.notes()));
    }
}
