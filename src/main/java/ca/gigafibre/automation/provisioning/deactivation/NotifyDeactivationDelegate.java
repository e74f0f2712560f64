package ca.gigafibre.automation.provisioning.deactivation;

import ca.gigafibre.automation.notification.Bilingual;
import ca.gigafibre.automation.notification.CustomerMessages;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_NotifyDeactivated}: the customer hears once, in their language, that the service is off as they asked, and
 * that the equipment will be collected. Outside the notification window the job waits for it ({@link CustomerMessages}).
 */
@Component("notifyDeactivation")
public class NotifyDeactivationDelegate implements JavaDelegate {

    static final String KIND = "service-deactivated";
    private static final Bilingual LOCATION = new Bilingual(
            "TARGO : comme demandé, votre service Internet est maintenant désactivé. Merci d'avoir été client.",
            "TARGO: as you asked, your Internet service is now deactivated. Thank you for having been our customer.");
    private static final Bilingual LOCATION_WITH_EQUIPMENT = new Bilingual(
            "TARGO : comme demandé, votre service Internet est maintenant désactivé. Nous communiquerons avec vous pour récupérer l'équipement. Merci d'avoir été client.",
            "TARGO: as you asked, your Internet service is now deactivated. We will contact you to collect the equipment. Thank you for having been our customer.");
    private static final String LINE_FR = "TARGO : comme demandé, votre ligne téléphonique %s est maintenant désactivée.";
    private static final String LINE_EN = "TARGO: as you asked, your phone line %s is now deactivated.";

    private final Deactivations deactivations;
    private final CustomerMessages messages;

    public NotifyDeactivationDelegate(Deactivations deactivations, CustomerMessages messages) {
        this.deactivations = deactivations;
        this.messages = messages;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Deactivations.Row row = deactivations.get(((Number) execution.getVariable("deactivationId")).longValue());
        Bilingual text;
        if (row.kind().equals("line")) {
            String did = row.did().substring(0, 3) + "-" + row.did().substring(3, 6) + "-" + row.did().substring(6);
            text = new Bilingual(LINE_FR.formatted(did), LINE_EN.formatted(did));
        } else {
            text = Boolean.TRUE.equals(execution.getVariable("hasEquipment")) ? LOCATION_WITH_EQUIPMENT : LOCATION;
        }
        CustomerMessages.Outcome outcome = messages.send("deactivation:" + row.id(), row.customerId(), KIND, text);
        execution.setVariable("customerNotified", !"skipped".equals(outcome.state()));
    }
}
