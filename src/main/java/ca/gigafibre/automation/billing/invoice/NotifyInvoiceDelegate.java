package ca.gigafibre.automation.billing.invoice;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code billing-collections / Task_SendInvoice}: texts the customer their invoice, in French or English, once. */
@Component("notifyInvoice")
public class NotifyInvoiceDelegate implements JavaDelegate {

    private final InvoiceNotices notices;

    public NotifyInvoiceDelegate(InvoiceNotices notices) {
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariableLocal("notified", notices.invoiceIssued(execution.getProcessBusinessKey()));
    }
}
