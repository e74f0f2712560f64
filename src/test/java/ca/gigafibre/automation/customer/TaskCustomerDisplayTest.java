package ca.gigafibre.automation.customer;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.platform.time.BusinessTime;
import ca.gigafibre.automation.testing.BusinessDayClock;
import ca.gigafibre.automation.testing.IntegrationTest;
import ca.gigafibre.automation.testing.Jobs;
import ca.gigafibre.automation.testing.TestCustomers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Issue 21, Tasklist as ops see it: a task of each team shows who it is about — the customer's name, phone numbers,
 * language, a link to the Customer 360 — and its amount and due date the Quebec way, in its form and in its name.
 */
class TaskCustomerDisplayTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> DISPLAY = List.of("customerName", "customerPhones", "customerLanguage", "customer360Link",
            "amountText", "dueDateText");

    @Autowired
    TestCustomers customers;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    BusinessDayClock clock;

    @Autowired
    Jobs jobs;

    @AfterEach
    void realClock() {
        clock.reset();
    }

    @Test
    void collectionsNegotiationShowsTheCustomerTheOverdueTotalAndSinceWhen() {
        clock.at(LocalDate.of(2027, 4, 30));
        String customer = customers.create("Tremblay", false, false, false, "marie@example.com", "4502722408", "450-555-0100");
        customers.overdueInvoice(customer, new BigDecimal("183.83"), 35);
        String instance = runtime.createProcessInstanceByKey("account-collections-negotiation").businessKey(customer)
                .startBeforeActivity("UserTask_NegotiateArrangement").setVariable("customerId", customer).execute().getId();

        Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();

        assertThat(task.getName()).isEqualTo("Négocier une entente de paiement / Negotiate payment arrangement — Test Tremblay, 183,83 $");
        assertThat(display(task)).containsExactly(
                Map.entry("customerName", "Test Tremblay"),
                Map.entry("customerPhones", "450 272-2408 (domicile / home) · 450 555-0100 (cellulaire / mobile)"),
                Map.entry("customerLanguage", "Français / French"),
                Map.entry("customer360Link", "/assistant?customer=" + customer),
                Map.entry("amountText", "183,83 $"),
                Map.entry("dueDateText", "26 mars 2027"));
        assertThat(tasks.getVariable(task.getId(), "dueDateTextEn")).isEqualTo("March 26, 2027");
        runtime.deleteProcessInstance(instance, "test over");
    }

    @Test
    void e911CorrectionFindsTheCustomerByThePhoneLine() {
        String customer = customers.create("Gagnon", false, false, false, null, null, "514-555-0142");
        jdbc.sql("UPDATE automation.customer SET language = 'en' WHERE customer_no = :no").param("no", customer).update();
        String did = "4507" + String.format("%06d", Long.parseLong(customer.substring(2)));
        jdbc.sql("INSERT INTO automation.voip_line (did, customer_id) SELECT :did, id FROM automation.customer WHERE customer_no = :no")
                .param("did", did).param("no", customer).update();
        String instance = runtime.createProcessInstanceByKey("e911-address-change").businessKey(did)
                .startBeforeActivity("UserTask_Correct911Address").setVariable("did", did).execute().getId();

        Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();

        assertThat(task.getName()).isEqualTo("Corriger l'adresse 9-1-1 / Correct 911 address — Test Gagnon");
        assertThat(display(task)).containsExactly(
                Map.entry("customerName", "Test Gagnon"),
                Map.entry("customerPhones", "514 555-0142 (cellulaire / mobile)"),
                Map.entry("customerLanguage", "Anglais / English"),
                Map.entry("customer360Link", "/assistant?customer=" + customer),
                Map.entry("amountText", ""),
                Map.entry("dueDateText", ""));
        runtime.deleteProcessInstance(instance, "test over");
    }

    @Test
    void supportDeskTaskShowsTheCustomerAndTheDayItsSlaEnds() {
        clock.at(LocalDate.of(2027, 3, 9));
        String customer = customers.create("Roy", false, true, false);
        String ticket = as("ops").postForObject("/api/tickets", Map.of("customerId", customer, "type", "billing"), JsonNode.class)
                .path("id").asText();
        jobs.runDue(ticket);

        Task task = tasks.createTaskQuery().processInstanceBusinessKey(ticket).taskDefinitionKey("UserTask_HandleAtDesk").singleResult();

        assertThat(task.getName()).isEqualTo("Traiter le billet / Handle the ticket — Roy inc. (Test Roy)");
        LocalDate slaEnds = ((Date) tasks.getVariable(task.getId(), "slaDueAt")).toInstant().atZone(BusinessTime.ZONE).toLocalDate();
        assertThat(display(task)).containsEntry("customerName", "Roy inc. (Test Roy)")
                .containsEntry("customerPhones", "450 555-0100 (cellulaire / mobile)")
                .containsEntry("amountText", "")
                .containsEntry("dueDateText", slaEnds.getDayOfMonth() + " mars 2027");
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(ticket).processDefinitionKey("support-resolution").list()
                .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test over"));
    }

    @Test
    void salesQuoteReviewShowsTheQuoteTotalAndTheDayItExpires() {
        clock.at(LocalDate.of(2027, 3, 1));
        jdbc.sql("""
                INSERT INTO automation.plan (sku, name_fr, name_en, price, billing_frequency, category)
                VALUES ('SQ-INST', 'Installation fibre', 'Fibre installation', 99.00, 'one-time', 'service') ON CONFLICT (sku) DO NOTHING
                """).update();
        String customer = customers.create("Lavoie", false, false, false);
        String location = as("ops").getForObject("/api/customers/" + customer, JsonNode.class).path("locations").get(0).path("id").asText();
        String quoteNo = as("ops").postForObject("/api/quotes", Map.of("customerId", customer, "locationId", location, "type", "residential",
                "lines", List.of(Map.of("sku", "SQ-INST", "description", "Installation fibre", "quantity", 1, "unitPrice", "99.00"))),
                JsonNode.class).path("id").asText();

        Task task = tasks.createTaskQuery().processInstanceBusinessKey(quoteNo).taskDefinitionKey("UserTask_ReviewQuote").singleResult();

        // 99,00 $ + TPS 4,95 $ + TVQ 9,88 $
        assertThat(task.getName()).isEqualTo("Réviser la soumission / Review quote — Test Lavoie, 113,83 $");
        assertThat(display(task)).containsEntry("customerName", "Test Lavoie").containsEntry("amountText", "113,83 $")
                .containsEntry("dueDateText", "31 mars 2027").containsEntry("customer360Link", "/assistant?customer=" + customer);
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(quoteNo).processDefinitionKey("sales-activation").list()
                .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test over"));
    }

    @Test
    void aMoneyTaskCompletesWithItsDisplayFieldsUnchangedAndRefusesAChangedOne() throws Exception {
        String customer = customers.create("Bouchard", false, false, false);
        String unchanged = ppaReview(customer, "display-ok-");
        String changed = ppaReview(customer, "display-changed-");
        Task first = tasks.createTaskQuery().processInstanceId(unchanged).singleResult();
        Task second = tasks.createTaskQuery().processInstanceId(changed).singleResult();
        assertThat(first.getName()).isEqualTo("Vérifier un prélèvement au-dessus de la limite / Review pre-authorized charge above limit — Test Bouchard, 250,00 $");
        assertThat(display(first)).containsEntry("amountText", "250,00 $").containsEntry("dueDateText", "1er avril 2027");

        Map<String, Object> asShown = new LinkedHashMap<>(display(first));
        asShown.put("chargeApproved", false);
        asShown.put("reviewNote", "Montant confirmé avec le client");
        Map<String, Object> tampered = new LinkedHashMap<>(asShown);
        tampered.put("customerName", "Quelqu'un d'autre");

        ResponseEntity<String> accepted = submit(first, asShown);
        ResponseEntity<String> refused = submit(second, tampered);

        assertThat(accepted.getStatusCode()).as(accepted.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(unchanged).count()).isZero();
        assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(JSON.readTree(refused.getBody()).path("fields")).extracting(JsonNode::asText).containsExactly("customerName");
        assertThat(tasks.createTaskQuery().taskId(second.getId()).count()).isEqualTo(1);
        assertThat(runtime.getVariable(changed, "customerName")).isEqualTo("Test Bouchard");
        runtime.deleteProcessInstance(changed, "test over");
    }

    private String ppaReview(String customer, String prefix) {
        Date chargeOn = Date.from(LocalDate.of(2027, 4, 1).atTime(10, 0).atZone(BusinessTime.ZONE).toInstant());
        return runtime.createProcessInstanceByKey("ppa-charge").businessKey(prefix + customer).startBeforeActivity("UserTask_ReviewPpaAboveLimit")
                .setVariable("customerId", customer).setVariable("invoiceId", prefix + customer).setVariable("chargeAmountText", "250,00 $")
                .setVariable("chargeOnDate", chargeOn).execute().getId();
    }

    private ResponseEntity<String> submit(Task task, Map<String, Object> values) throws Exception {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return as("ops").postForEntity("/engine-rest/task/" + task.getId() + "/submit-form",
                new HttpEntity<>(JSON.writeValueAsString(Map.of("variables", variables)), headers), String.class);
    }

    private Map<String, Object> display(Task task) {
        Map<String, Object> values = new LinkedHashMap<>();
        DISPLAY.forEach(name -> values.put(name, tasks.getVariable(task.getId(), name)));
        return values;
    }
}
