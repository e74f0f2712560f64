package ca.gigafibre.automation.collections;

import ca.gigafibre.automation.adapter.notify.SmsNotifier;
import ca.gigafibre.automation.customer.CustomerRepository;
import ca.gigafibre.automation.customer.CustomerRow;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_NotifySuspended} / {@code Task_NotifyReactivated}: tells the customer, in their language; input {@code change}. */
@Component("notifyServiceChange")
public class NotifyServiceChangeDelegate implements JavaDelegate {

    private final CustomerRepository customers;
    private final SmsNotifier sms;

    public NotifyServiceChangeDelegate(CustomerRepository customers, SmsNotifier sms) {
        this.customers = customers;
        this.sms = sms;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CustomerRow customer = customers.find(customers.idOf((String) execution.getVariable("customerId"), "customerId")).orElseThrow();
        String phone = customer.textablePhone();
        if (phone == null) {
            execution.setVariableLocal("notified", false);
            return;
        }
        boolean suspended = "suspended".equals(execution.getVariableLocal("change"));
        boolean english = "en".equals(customer.language());
        sms.send(phone, suspended
                ? (english ? "TARGO: your service is suspended for non-payment. The 911 service stays available. Pay at client.gigafibre.ca to restore it."
                        : "TARGO : votre service est suspendu pour non-paiement. Le 9-1-1 reste accessible. Payez au client.gigafibre.ca pour le rétablir.")
                : (english ? "TARGO: thank you, your service is restored." : "TARGO : merci, votre service est rétabli."));
        execution.setVariableLocal("notified", true);
    }
}
