package ca.gigafibre.automation.collections;

import ca.gigafibre.automation.customer.CustomerRepository;
import ca.gigafibre.automation.notification.Bilingual;
import ca.gigafibre.automation.notification.CustomerMessages;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_NotifySuspended} / {@code Task_NotifyReactivated}: tells the customer once, in their language; input {@code change}. */
@Component("notifyServiceChange")
public class NotifyServiceChangeDelegate implements JavaDelegate {

    private static final Bilingual SUSPENDED = new Bilingual(
            "TARGO : votre service est suspendu pour non-paiement. Le 9-1-1 reste accessible. Payez au client.gigafibre.ca pour le rétablir.",
            "TARGO: your service is suspended for non-payment. The 911 service stays available. Pay at client.gigafibre.ca to restore it.");
    private static final Bilingual RESTORED = new Bilingual("TARGO : merci, votre service est rétabli.", "TARGO: thank you, your service is restored.");

    private final CustomerRepository customers;
    private final CustomerMessages messages;

    public NotifyServiceChangeDelegate(CustomerRepository customers, CustomerMessages messages) {
        this.customers = customers;
        this.messages = messages;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long customerId = customers.idOf((String) execution.getVariable("customerId"), "customerId");
        String change = (String) execution.getVariableLocal("change");
        boolean suspended = "suspended".equals(change);
        CustomerMessages.Outcome outcome = messages.send("service-" + change + ":" + execution.getProcessInstanceId(), customerId,
                "service-" + change, suspended ? SUSPENDED : RESTORED);
        execution.setVariableLocal("notified", outcome.sentNow());
    }
}
