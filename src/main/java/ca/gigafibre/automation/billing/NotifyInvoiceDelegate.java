package ca.gigafibre.automation.billing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_SendInvoice} / {@code Task_SendOverdueReminder}: texts the customer, in French or English; input {@code notice}. */
@Component("notifyInvoice")
public class NotifyInvoiceDelegate implements JavaDelegate {

    private final InvoiceNotices notices;

    public NotifyInvoiceDelegate(InvoiceNotices notices) {
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String invoice = execution.getProcessBusinessKey();
        boolean sent = "overdue".equals(execution.getVariableLocal("notice")) ? notices.overdue(invoice) : notices.invoiceIssued(invoice);
        execution.setVariableLocal("notified", sent);
    }
}
