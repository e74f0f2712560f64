package ca.gigafibre.automation.notification;

import java.util.Map;

/** The e-mail subject of each kind of customer message, French and English. */
public final class MessageSubjects {

    private static final Map<String, Bilingual> SUBJECTS = Map.of(
            "invoice-issued", new Bilingual("Votre facture TARGO", "Your TARGO invoice"),
            "overdue-reminder", new Bilingual("Rappel : solde en souffrance", "Reminder: overdue balance"),
            "cutoff-notice", new Bilingual("Avis de coupure de service", "Notice of service interruption"),
            "service-suspended", new Bilingual("Service suspendu", "Service suspended"),
            "service-reactivated", new Bilingual("Service rétabli", "Service restored"),
            "payment-returned", new Bilingual("Paiement retourné par votre banque", "Payment returned by your bank"),
            "installation-scheduled", new Bilingual("Votre rendez-vous d'installation", "Your installation appointment"),
            "visit-scheduled", new Bilingual("Visite d'un technicien TARGO", "TARGO technician visit"),
            "ticket-resolved", new Bilingual("Votre demande est réglée", "Your request is resolved"),
            "service-deactivated", new Bilingual("Service désactivé", "Service deactivated"));

    private MessageSubjects() {
    }

    public static Bilingual of(String kind) {
        return SUBJECTS.getOrDefault(kind, new Bilingual("Message de TARGO", "A message from TARGO"));
    }
}
