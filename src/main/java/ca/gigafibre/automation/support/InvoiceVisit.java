package ca.gigafibre.automation.support;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_InvoiceVisit}: when the DMN {@code work-billable} said billable, the labour and parts invoice is made;
 * either way the work order's outcome and the resolution go back to the ticket.
 */
@Component("invoiceVisit")
public class InvoiceVisit implements JavaDelegate {

    private final WorkOrders workOrders;
    private final WorkOrderInvoices invoices;

    public InvoiceVisit(WorkOrders workOrders, WorkOrderInvoices invoices) {
        this.workOrders = workOrders;
        this.invoices = invoices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String workOrderNo = (String) execution.getVariable("workOrderId");
        if (Boolean.TRUE.equals(execution.getVariable("billable"))) {
            execution.setVariable("labourInvoiceId", invoices.invoice(workOrderNo));
        }
        WorkOrderView order = workOrders.get(workOrderNo);
        execution.setVariable("workOutcome", order.outcome());
        execution.setVariable("resolution", "Visite du technicien / Technician visit " + workOrderNo
                + (order.notes() == null ? "" : ": " + order.notes()));
    }
}
