package ca.gigafibre.automation.legacy;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * The reason of a legacy suspension, read from its {@code reason} column when the table has one, else from its note
 * ("Coupé pour non-paiement", "Fraude carte", "À la demande du client"): one of the engine's four reasons when the words
 * say which, else nothing — the row then keeps its legacy reason, and only staff may lift it.
 */
final class LegacySuspensionReasons {

    private LegacySuspensionReasons() {
    }

    static Optional<String> of(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).strip();
        if (t.equals("fraud") || t.contains("fraude") || t.contains("fraud")) {
            return Optional.of("fraud");
        }
        if (t.equals("abuse") || t.contains("abus")) {
            return Optional.of("abuse");
        }
        if (t.equals("customer-request") || t.contains("demande du client") || t.contains("demande client") || t.contains("a la demande")
                || t.contains("customer request") || t.contains("vacances")) {
            return Optional.of("customer-request");
        }
        if (t.equals("non-payment") || t.contains("non-paiement") || t.contains("non paiement") || t.contains("impaye")
                || t.contains("non-payment") || t.contains("solde") || t.contains("retard de paiement")) {
            return Optional.of("non-payment");
        }
        return Optional.empty();
    }
}
