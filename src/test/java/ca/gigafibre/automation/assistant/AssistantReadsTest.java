package ca.gigafibre.automation.assistant;

import ca.gigafibre.automation.customer.CustomerNo;
import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.testing.EngineClockTest;
import ca.gigafibre.automation.voip.NewVoipLine;
import ca.gigafibre.automation.voip.VoipLineService;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every read, in French and English, answered at once on the running engine with the data of its REST endpoint and a
 * sentence; {c} is a fresh customer with a pending phone line {d} and an ONT, {t} a technician.
 */
class AssistantReadsTest extends EngineClockTest {

    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 90000));

    @Autowired
    VoipLineService lines;

    @Autowired
    HistoryService history;

    private String customer;
    private String did;
    private String technician;

    @BeforeEach
    void aCustomerWithALineAndAnOnt() {
        customer = customers.create("Lecture", false, false, false);
        did = "81966" + String.format("%05d", NEXT.incrementAndGet() % 100000);
        lines.register(CustomerNo.of(customer), new NewVoipLine(did, null, "Test Lecture", "fr", null, false, null, null, null, null, null));
        customers.installOnt(customer, fakes);
        technician = jdbc.sql("INSERT INTO automation.technician (name, skills) VALUES ('Tech Lecture', '{\"fibre\": 3}') RETURNING technician_no")
                .query(String.class).single();
    }

    @ParameterizedTest(name = "[{1}] {0} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Quel est le solde de {c} ?                               | fr | balance          | balance
            What does {c} owe?                                       | en | balance          | balance
            Est-ce que {c} est en paiement préautorisé ?             | fr | autopay-status   | enabled
            Is {c} set up for auto-pay?                              | en | autopay-status   | enabled
            Quelle IP avait {c} le 1er mars ?                        | fr | ip-history       |
            What IP did {c} have on March 1?                         | en | ip-history       |
            Génère le rapport des DID                                | fr | did-report       |
            Generate the DID report                                  | en | did-report       |
            Liste les DID dont l'adresse 911 ne concorde pas         | fr | e911-mismatch    |
            List all DIDs with mismatched 911 addresses              | en | e911-mismatch    |
            {c} n'a plus d'internet, vérifie son ONT                 | fr | check-internet   | ontState
            {c} has no internet — check their ONT status             | en | check-internet   | ontState
            Combien de visites chez {c} ?                            | fr | visit-count      | count
            How many times have we sent a tech to {c}?               | en | visit-count      | count
            Combien d'heures {t} a passé chez {c} ?                  | fr | tech-hours       | hours
            How many hours did {t} spend at {c}?                     | en | tech-hours       | hours
            Montre toutes les lignes de {c}                          | fr | lines            |
            Show all phone lines for {c}                             | en | lines            |
            Quelle est l'adresse 911 du {d} ?                        | fr | line-911-address | e911Address
            What's the 911 address for {d}?                          | en | line-911-address | e911Address
            """)
    void everyReadIsAnsweredInBothLanguages(String template, String locale, String intent, String field) {
        String text = template.replace("{c}", customer).replace("{t}", technician)
                .replace("{d}", "(" + did.substring(0, 3) + ") " + did.substring(3, 6) + "-" + did.substring(6));

        JsonNode answer = as("analyst").postForObject("/api/assistant/commands", Map.of("text", text, "locale", locale), JsonNode.class);

        assertThat(answer.path("status").asText()).as(answer.toString()).isEqualTo("answered");
        assertThat(answer.path("intent").asText()).isEqualTo(intent);
        assertThat(answer.path("summary").path("fr").asText()).isNotBlank();
        assertThat(answer.path("summary").path("en").asText()).isNotBlank();
        assertThat(answer.has("data")).isTrue();
        if (field != null) {
            assertThat(answer.path("data").has(field)).as(answer.path("data").toString()).isTrue();
        }
        assertThat(answer.has("expiresAt") && !answer.path("expiresAt").isNull()).isFalse();
    }

    @Test
    void theLinesAnswerListsTheCustomersLine() {
        JsonNode answer = as("ops").postForObject("/api/assistant/commands", Map.of("text", "Show all phone lines", "locale", "en",
                "customerId", customer), JsonNode.class);

        assertThat(answer.path("data").findValuesAsText("did")).containsExactly(did);
        assertThat(answer.path("summary").path("fr").asText()).isEqualTo(customer + " a 1 ligne(s) téléphonique(s) : "
                + did.substring(0, 3) + " " + did.substring(3, 6) + "-" + did.substring(6) + " (pending).");
    }

    @Test
    void aConfirmed911ChangeStartsTheAddressChangeLikeTheApi() {
        JsonNode proposal = as("ops").postForObject("/api/assistant/commands", Map.of("text", "Mets à jour l'adresse 911 du " + did
                + " : 45 Rue des Érables, Granby J2G 1A1", "locale", "fr"), JsonNode.class);
        assertThat(proposal.path("status").asText()).as(proposal.toString()).isEqualTo("proposed");
        assertThat(proposal.path("calls").toString()).isEqualTo("[\"911\"]");

        JsonNode result = as("ops").postForObject("/api/assistant/commands/" + proposal.path("id").asText() + "/confirm", null, JsonNode.class);

        assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("executed");
        String instance = result.path("result").path("processInstanceId").asText();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance).processDefinitionKey("e911-address-change").count())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT street_name FROM automation.e911_address WHERE did = :did").param("did", did).query(String.class).single())
                .isEqualTo("Rue des Érables");
    }
}
