package ca.gigafibre.automation.collections.suspension;

import ca.gigafibre.automation.customer.CustomerNo;
import ca.gigafibre.automation.collections.SuspensionReason;
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
    private static final Bilingual SUSPENDED_AS_ASKED = new Bilingual(
            "TARGO : comme vous l'avez demandé, votre service est suspendu. Le 9-1-1 reste accessible. Appelez-nous pour le rétablir.",
            "TARGO: as you asked, your service is suspended. The 911 service stays available. Call us to restore it.");
    private static final Bilingual SUSPENDED_BY_STAFF = new Bilingual(
            "TARGO : votre service est suspendu. Le 9-1-1 reste accessible. Appelez-nous pour en savoir plus.",
            "TARGO: your service is suspended. The 911 service stays available. Call us to learn more.");
    private static final Bilingual RESTORED = new Bilingual("TARGO : merci, votre service est rétabli.", "TARGO: thank you, your service is restored.");

    private final CustomerRepository customers;
    private final CustomerMessages messages;

    public NotifyServiceChangeDelegate(CustomerRepository customers, CustomerMessages messages) {
        this.customers = customers;
        this.messages = messages;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long customerId = customers.idOf(CustomerNo.of((String) execution.getVariable("customerId")), "customerId");
        String change = (String) execution.getVariableLocal("change");
        boolean suspended = "suspended".equals(change);
        CustomerMessages.Outcome outcome = messages.send("service-" + change + ":" + execution.getProcessInstanceId(), customerId,
                "service-" + change, suspended ? suspendedFor((String) execution.getVariable("reason")) : RESTORED);
        execution.setVariableLocal("notified", outcome.sentNow());
    }

    /** The customer is told why in words that fit: only a non-payment suspension asks them to pay. */
    private static Bilingual suspendedFor(String reason) {
        if (reason == null || SuspensionReason.NON_PAYMENT.code().equals(reason)) {
            return SUSPENDED;
        }
        return SuspensionReason.CUSTOMER_REQUEST.code().equals(reason) ? SUSPENDED_AS_ASKED : SUSPENDED_BY_STAFF;
    }
}
