package ca.gigafibre.automation.billing.returned;

import ca.gigafibre.automation.billing.charge.ReturnedDebitNotices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_NotifyReturnedDebit}, in the notification window: the customer is told of the returned debit, once. */
@Component("notifyReturnedDebit")
public class NotifyReturnedDebitDelegate implements JavaDelegate {

    private final ReturnedDebitNotices notices;

    public NotifyReturnedDebitDelegate(ReturnedDebitNotices notices) {
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String debitKey = (String) execution.getVariable("returnedDebitKey");
        if (debitKey != null) {
            notices.tell(debitKey, execution.getVariable("returnFeeInvoice") != null, Boolean.TRUE.equals(execution.getVariable("ppaSwitchedOff")),
                    Boolean.TRUE.equals(execution.getVariable("retryDebit")));
        }
    }
}
