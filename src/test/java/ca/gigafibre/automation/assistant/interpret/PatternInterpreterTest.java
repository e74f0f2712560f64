package ca.gigafibre.automation.assistant.interpret;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Sentences as ops type them, French and English, → intent and slots. Today is Wednesday 10 March 2027 (Montreal).
 * Slots column: {@code name=value} pairs separated by {@code ;} — only the slots listed are checked, each exactly; a list
 * is written {@code a,b}; {@code customerRef=-} means no customer named (the one on screen is used).
 */
class PatternInterpreterTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 3, 10);
    private final Interpreter interpreter = new PatternInterpreter(() -> TODAY);

    @ParameterizedTest(name = "[{1}] {0} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Quel est le solde de C-10234 ?                                   | fr | balance        | customerRef=C-10234
            Combien doit Marie Tremblay?                                     | fr | balance        | customerRef=Marie Tremblay
            combien le client doit?                                          | fr | balance        | customerRef=-
            What does C-10234 owe?                                           | en | balance        | customerRef=C-10234
            How much does Jean Tremblay owe?                                 | en | balance        | customerRef=Jean Tremblay
            What's the balance of account 48213?                             | en | balance        | customerRef=48213
            Est-ce que C-10234 est en paiement préautorisé ?                 | fr | autopay-status | customerRef=C-10234
            Le client a-t-il le prélèvement automatique?                     | fr | autopay-status | customerRef=-
            Is C-10234 set up for auto-pay?                                  | en | autopay-status | customerRef=C-10234
            Is Tremblay on autopay?                                          | en | autopay-status | customerRef=Tremblay
            Quelle IP avait C-10234 le 15 mars ?                             | fr | ip-history     | customerRef=C-10234; date=2026-03-15
            Quelle adresse IP avait le client le 1er février ?               | fr | ip-history     | customerRef=-; date=2027-02-01
            What IP did Tremblay have on March 15?                           | en | ip-history     | customerRef=Tremblay; date=2026-03-15
            IP history of C-10234                                            | en | ip-history     | customerRef=C-10234
            Génère le rapport des DID                                        | fr | did-report     |
            Rapport des DIDs de toutes les lignes actives                    | fr | did-report     |
            Generate the DID report for all active lines                     | en | did-report     |
            Liste les DID dont l'adresse 911 ne concorde pas                 | fr | e911-mismatch  |
            Quelles lignes ont un écart d'adresse 911 ?                      | fr | e911-mismatch  |
            List all DIDs with mismatched 911 addresses                      | en | e911-mismatch  |
            Le client C-10234 n'a plus d'internet, vérifie son ONT           | fr | check-internet | customerRef=C-10234
            Vérifie la connexion de Marie Tremblay                           | fr | check-internet | customerRef=Marie Tremblay
            C-10234 has no internet — check their ONT status                 | en | check-internet | customerRef=C-10234
            Is their connection online?                                      | en | check-internet | customerRef=-
            Combien de fois a-t-on envoyé un tech à cette adresse ?          | fr | visit-count    | customerRef=-
            Combien de visites chez C-10234 ?                                | fr | visit-count    | customerRef=C-10234
            How many times have we sent a tech to this address?              | en | visit-count    | customerRef=-
            Combien d'heures TECH-001 a passé chez C-10234 ?                 | fr | tech-hours     | technicianRef=TECH-001; customerRef=C-10234
            Combien d'heures le technicien Gen Lussier a passé chez Tremblay | fr | tech-hours     | technicianRef=Gen Lussier; customerRef=Tremblay
            How many hours did tech Gen Lussier spend at Tremblay's?         | en | tech-hours     | technicianRef=Gen Lussier; customerRef=Tremblay
            Montre toutes les lignes de C-10234                              | fr | lines          | customerRef=C-10234
            Quels sont les numéros de téléphone de Marie Tremblay ?          | fr | lines          | customerRef=Marie Tremblay
            Show all phone lines for C-10234                                 | en | lines          | customerRef=C-10234
            Quelle est l'adresse 911 du 450 272-2408 ?                       | fr | line-911-address | did=4502722408
            What's the 911 address for (450) 272-2408?                       | en | line-911-address | did=4502722408
            What's the 911 address for this line?                            | en | line-911-address | customerRef=-
            Suspends le client C-10234 pour non-paiement                     | fr | suspend        | customerRef=C-10234; reason=non-payment
            Coupure pour Tremblay, il ne paie pas                            | fr | suspend        | customerRef=Tremblay; reason=non-payment
            Coupe C-10234 pour fraude                                        | fr | suspend        | customerRef=C-10234; reason=fraud
            Suspends le compte à la demande du client à partir du 1er avril  | fr | suspend        | customerRef=-; reason=customer-request; date=2027-04-01
            Suspend C-10234 for non-payment                                  | en | suspend        | customerRef=C-10234; reason=non-payment
            Suspend Tremblay for abuse                                       | en | suspend        | customerRef=Tremblay; reason=abuse
            Cut off 450-272-2408                                             | en | suspend        | customerRef=4502722408
            Rebranche-le                                                     | fr | reactivate     | customerRef=-
            Réactive le service de Marie Tremblay                            | fr | reactivate     | customerRef=Marie Tremblay
            Il a payé, rétablis le service de C-10234                        | fr | reactivate     | customerRef=C-10234
            Client C-10234 just paid, reactivate their service               | en | reactivate     | customerRef=C-10234
            Reconnect Tremblay                                               | en | reactivate     | customerRef=Tremblay
            Entente de paiement pour C-10234 : 150 $ d'ici le 26 mars, coupure le 2 avril | fr | arrangement | customerRef=C-10234; amount=150.00; dueDate=2027-03-26; cutoffDate=2027-04-02
            Entente de 150$ d’ici le 26 mars sinon coupé le 1er avril        | fr | arrangement    | customerRef=-; amount=150.00; dueDate=2027-03-26; cutoffDate=2027-04-01
            entente de paiement 75,50 $ le 15 avril, coupure le 20 avril     | fr | arrangement    | amount=75.50; dueDate=2027-04-15; cutoffDate=2027-04-20
            Set up a payment plan for C-10234: $150 by March 26, disconnect on April 2 if missed | en | arrangement | customerRef=C-10234; amount=150.00; dueDate=2027-03-26; cutoffDate=2027-04-02
            Set up a payment plan: $150 by the 15th, cut off on the 20th     | en | arrangement    | amount=150.00; dueDate=2027-03-15; cutoffDate=2027-03-20
            Crée une soumission pour C-10234 : fibre 100M + routeur Wi-Fi    | fr | create-quote   | customerRef=C-10234; skus=FIB-100,RTR-RENT
            Fais un devis fibre 1 Gig pour Marie Tremblay                    | fr | create-quote   | customerRef=Marie Tremblay; skus=FIB-1000
            Create a quote for C-10234 for fibre 100M + WiFi router          | en | create-quote   | customerRef=C-10234; skus=FIB-100,RTR-RENT
            New quote: fiber 500 Mbps with a phone line                      | en | create-quote   | customerRef=-; skus=FIB-500,VOIP-RES
            Convertis la soumission SOQ-00908 en service                     | fr | convert-quote  | quoteId=SOQ-00908
            Convertir la soumission 908                                      | fr | convert-quote  | quoteId=SOQ-00908
            Convert quote SOQ-908 to active subscriptions                    | en | convert-quote  | quoteId=SOQ-00908
            Planifie l'installation de SOQ-00908 mardi prochain en après-midi avec TECH-001 | fr | schedule-installation | quoteId=SOQ-00908; date=2027-03-16; window=pm; technicianRef=TECH-001
            Cédule l'installation le 15 mars en avant-midi                   | fr | schedule-installation | date=2027-03-15; window=am
            Schedule installation for next Tuesday morning                   | en | schedule-installation | date=2027-03-16; window=am
            Book the install on March 22 in the afternoon with TECH-002      | en | schedule-installation | date=2027-03-22; window=pm; technicianRef=TECH-002
            Envoie un technicien au 123 Rue Principale demain matin          | fr | dispatch       | date=2027-03-11; window=am; streetNumber=123; streetName=Rue Principale; customerRef=123 Rue Principale; skill=fibre
            Envoie un tech chez C-10234 mardi prochain pour le wifi          | fr | dispatch       | date=2027-03-16; customerRef=C-10234; skill=wifi
            Send a tech to 123 Rue Principale tomorrow morning               | en | dispatch       | date=2027-03-11; window=am; streetNumber=123; customerRef=123 Rue Principale
            Dispatch a technician to C-10234 on March 22 in the afternoon for the phone line | en | dispatch | date=2027-03-22; window=pm; customerRef=C-10234; skill=voip
            Ajoute la ligne 819-555-1234 avec boîte vocale pour C-10234      | fr | add-line       | did=8195551234; voicemail=true; customerRef=C-10234
            Nouvelle ligne (450) 272-2408 sans boîte vocale                  | fr | add-line       | did=4502722408; voicemail=false
            Set up a phone line 819-555-1234 with voicemail                  | en | add-line       | did=8195551234; voicemail=true
            Add a phone line 450 272 2408 for Tremblay                       | en | add-line       | did=4502722408; customerRef=Tremblay
            Mets à jour l'adresse 911 du 450-272-2408 : 123 Rue Principale, Granby J2G 1A1 | fr | update-911 | did=4502722408; streetNumber=123; streetName=Rue Principale; city=Granby; postalCode=J2G 1A1
            Change l'adresse 911 de (450) 272-2408 pour 45-2 rue des Érables, Saint-Hyacinthe J2S 2K9 | fr | update-911 | did=4502722408; streetNumber=45; apt=2; streetName=Rue des Érables; city=Saint-Hyacinthe; postalCode=J2S 2K9
            Update 911 address for 450-272-2408 to 123 Rue Principale, Granby J2G 1A1 | en | update-911 | did=4502722408; streetNumber=123; city=Granby; postalCode=J2G 1A1
            Update the 911 address of 4502722408 to 123 Rue Principale       | en | update-911     | did=4502722408; streetNumber=123; streetName=Rue Principale
            Passe C-10234 à Stripe                                           | fr | switch-stripe  | customerRef=C-10234
            Switch Tremblay to Stripe auto-charge                            | en | switch-stripe  | customerRef=Tremblay
            """)
    void understands(String sentence, String locale, String intent, String expectedSlots) {
        Interpretation interpretation = interpreter.interpret(sentence, locale, null);

        assertThat(interpretation.isRefused()).as("refused: %s", interpretation.refusal()).isFalse();
        assertThat(interpretation.intent()).isEqualTo(intent);
        expected(expectedSlots).forEach((slot, value) -> {
            Object actual = interpretation.slots().get(slot);
            if ("-".equals(value)) {
                assertThat(actual).as(slot).isNull();
            } else if (actual instanceof List<?> list) {
                assertThat(list.stream().map(String::valueOf).toList()).as(slot).containsExactlyElementsOf(Arrays.asList(value.split(",")));
            } else {
                assertThat(String.valueOf(actual)).as(slot).isEqualTo(value);
            }
        });
    }

    @ParameterizedTest(name = "[{1}] {0} → refused {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Quel est le NIP de la boîte vocale du 450-272-2408 ?  | fr | secret      | NIP
            C'est quoi le mot de passe SIP de C-10234?           | fr | secret      | secret
            What's the voicemail password for 450-272-2408?       | en | secret      | write-only
            Supprime tous les clients                             | fr | destructive | supprime
            Efface le compte C-10234                              | fr | destructive | supprime
            Delete all customers                                  | en | destructive | delete
            Suspends tous les clients en retard                   | fr | bulk        | en lot
            Suspend all customers who owe more than $500          | en | bulk        | bulk
            Quelle température fait-il ?                          | fr | not-understood | compris
            What's the weather like?                              | en | not-understood | understand
            """)
    void refusesPolitelyInTheUsersLanguage(String sentence, String locale, String code, String word) {
        Interpretation interpretation = interpreter.interpret(sentence, locale, "C-10234");

        assertThat(interpretation.isRefused()).isTrue();
        assertThat(interpretation.refusal().code()).isEqualTo(code);
        String message = "fr".equals(locale) ? interpretation.refusal().fr() : interpretation.refusal().en();
        assertThat(message).containsIgnoringCase(word).matches(m -> m.startsWith("Désolé") || m.startsWith("Sorry"));
    }

    private static Map<String, String> expected(String slots) {
        Map<String, String> expected = new LinkedHashMap<>();
        if (slots == null || slots.isBlank()) {
            return expected;
        }
        for (String pair : slots.split(";")) {
            String[] kv = pair.strip().split("=", 2);
            expected.put(kv[0].strip(), kv[1].strip());
        }
        return expected;
    }
}
