package ca.gigafibre.automation.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Legacy suspension notes and codes mapped to the engine's reasons where the words say which. */
class LegacySuspensionReasonsTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "Coupé pour non-paiement          | non-payment",
            "Solde impayé depuis 60 jours     | non-payment",
            "non-payment                      | non-payment",
            "Fraude carte de crédit           | fraud",
            "FRAUD                            | fraud",
            "Abus de bande passante           | abuse",
            "À la demande du client (voyage)  | customer-request",
            "Suspendu pour vacances           | customer-request",
            "Rebranché après paiement         | none",
            "drapeau                          | none"})
    void mapsWhatItCanRead(String legacy, String reason) {
        assertThat(LegacySuspensionReasons.of(legacy).orElse(null)).isEqualTo(reason);
    }
}
