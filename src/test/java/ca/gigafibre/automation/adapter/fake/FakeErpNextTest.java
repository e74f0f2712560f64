package ca.gigafibre.automation.adapter.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gigafibre.automation.adapter.AdapterEndpoints;
import ca.gigafibre.automation.adapter.ExternalRequestRejected;
import ca.gigafibre.automation.adapter.ExternalSystemUnavailable;
import ca.gigafibre.automation.adapter.erpnext.ErpNextClient;
import ca.gigafibre.automation.adapter.erpnext.ErpNextClient.Filter;
import ca.gigafibre.automation.testing.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** The fake ERPNext answers as Frappe does (shared/contracts/erpnext.md) and fails when a test asks it to. */
class FakeErpNextTest extends IntegrationTest {

    @Autowired
    FakeExternalSystems fakes;

    @Autowired
    ErpNextClient client;

    @Autowired
    AdapterEndpoints endpoints;

    @Value("${automation.adapters.erpnext.api-key}")
    String apiKey;

    @Value("${automation.adapters.erpnext.api-secret}")
    String apiSecret;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private FakeErpNext erp;

    @BeforeEach
    void emptyErpNext() {
        fakes.reset();
        erp = fakes.erpNext();
        erp.put("Customer", Map.of("name", "C-10001", "customer_name", "Marie Tremblay"));
        erp.put("Item", Map.of("name", "FIB-500", "item_code", "FIB-500"));
    }

    @Test
    void aListWithoutPageLengthAnswersFrappesDefault20NewestFirstAndZeroMeansAll() throws Exception {
        for (int i = 1; i <= 25; i++) {
            erp.put("Service Location", Map.of("name", String.format("LOC-%05d", i), "customer", "C-10001"));
        }
        JsonNode firstPage = list("Service Location", Map.of());
        assertThat(firstPage).hasSize(20);
        assertThat(firstPage.get(0).path("name").asText()).isEqualTo("LOC-00025");
        assertThat(firstPage.get(0).size()).isEqualTo(1);
        assertThat(list("Service Location", Map.of("limit_page_length", "0"))).hasSize(25);
    }

    @Test
    void filtersAsADictOrWithIsSetLikeAndNotIn() throws Exception {
        erp.put("Service Subscription", Map.of("name", "SUB-00001", "customer", "C-10001", "item_code", "FIB-500", "rate", 84.95,
                "status", "Active"));
        erp.put("Service Subscription", Map.of("name", "SUB-00002", "customer", "C-10001", "item_code", "FIB-500", "status", "Cancelled"));
        erp.put("Service Subscription", Map.of("name", "SUB-00003", "customer", "C-10001", "item_code", "VOIP-RES", "status", "Active"));

        assertThat(names(list("Service Subscription", Map.of("filters", "{\"status\":\"Active\"}", "order_by", "name asc"))))
                .containsExactly("SUB-00001", "SUB-00003");
        assertThat(names(client.page("Service Subscription", List.of("name"), List.of(new Filter("rate", "is", "set")), "name asc", 0, 10)))
                .containsExactly("SUB-00001");
        assertThat(names(client.page("Service Subscription", List.of("name"), List.of(new Filter("rate", "is", "not set")), "name asc", 0, 10)))
                .containsExactly("SUB-00002", "SUB-00003");
        assertThat(names(client.page("Service Subscription", List.of("name"), List.of(new Filter("item_code", "like", "fib%")), "name asc", 0, 10)))
                .containsExactly("SUB-00001", "SUB-00002");
        assertThat(names(client.page("Service Subscription", List.of("name"), List.of(new Filter("status", "not in", List.of("Cancelled"))),
                "name desc", 0, 10))).containsExactly("SUB-00003", "SUB-00001");
        assertThat(client.page("Service Subscription", List.of("*"), List.of(Filter.eq("name", "SUB-00001")), "name asc", 0, 1).get(0)
                .path("rate").asDouble()).isEqualTo(84.95);
    }

    @Test
    void createsNameDocumentsLikeErpNextAndValidateLinks() {
        ObjectNode subscription = json.createObjectNode().put("customer", "C-10001").put("item_code", "FIB-500");
        assertThat(client.create("Service Subscription", subscription).path("name").asText()).isEqualTo("SUB-00001");
        assertThat(client.create("Quotation", json.createObjectNode().put("quotation_to", "Customer").put("party_name", "C-10001"))
                .path("name").asText()).matches("SAL-QTN-\\d{4}-00001");

        assertThatThrownBy(() -> client.create("Service Subscription", json.createObjectNode().put("customer", "C-10001").put("item_code", "NOPE")))
                .isInstanceOfSatisfying(ExternalRequestRejected.class, e ->
                        assertThat(e.providerMessage()).isEqualTo("LinkValidationError: Could not find Item: NOPE"));
        ObjectNode invoice = json.createObjectNode().put("customer", "C-10001");
        invoice.putArray("items").addObject().put("item_code", "GONE").put("qty", 1).put("rate", 10);
        assertThatThrownBy(() -> client.create("Sales Invoice", invoice)).isInstanceOfSatisfying(ExternalRequestRejected.class, e ->
                assertThat(e.providerMessage()).isEqualTo("LinkValidationError: Could not find Item: GONE"));
        assertThatThrownBy(() -> client.create("Customer", json.createObjectNode().put("name", "C-10001")))
                .isInstanceOfSatisfying(ExternalRequestRejected.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.providerMessage()).startsWith("DuplicateEntryError");
                });
        assertThat(erp.createCount("Service Subscription")).isEqualTo(1);
        assertThat(erp.all("Sales Invoice")).isEmpty();
    }

    @Test
    void paymentsAndReturnsLowerTheInvoicesOutstandingAmount() {
        String invoice = client.create("Sales Invoice", invoice(100.00)).path("name").asText();

        client.create("Payment Entry", payment(invoice, 40.00));
        ObjectNode partlyPaid = erp.doc("Sales Invoice", invoice).orElseThrow();
        assertThat(partlyPaid.path("outstanding_amount").asDouble()).isEqualTo(60.00);
        assertThat(partlyPaid.path("status").asText()).isEqualTo("Partly Paid");

        ObjectNode creditNote = invoice(-60.00).put("is_return", 1).put("return_against", invoice);
        ObjectNode credit = client.create("Sales Invoice", creditNote);
        assertThat(credit.path("outstanding_amount").asDouble()).isZero();
        assertThat(erp.doc("Sales Invoice", invoice).orElseThrow().path("outstanding_amount").asDouble()).isZero();

        assertThatThrownBy(() -> client.create("Payment Entry", payment(invoice, 0.01))).isInstanceOfSatisfying(ExternalRequestRejected.class,
                e -> assertThat(e.providerMessage()).startsWith("ValidationError: Row #1: Allocated Amount cannot be greater"));
        assertThatThrownBy(() -> client.create("Payment Entry", payment("ACC-SINV-2026-99999", 1)))
                .isInstanceOfSatisfying(ExternalRequestRejected.class, e ->
                        assertThat(e.providerMessage()).isEqualTo("LinkValidationError: Could not find Sales Invoice: ACC-SINV-2026-99999"));
    }

    @Test
    void aPaymentEnteredInErpNextPaysItsInvoiceAndCancellingOneReopensIt() {
        erp.put("Sales Invoice", Map.of("name", "ACC-SINV-2026-00042", "customer", "C-10001", "docstatus", 1, "grand_total", 80.00,
                "due_date", "2099-01-31"));
        assertThat(erp.doc("Sales Invoice", "ACC-SINV-2026-00042").orElseThrow().path("outstanding_amount").asDouble()).isEqualTo(80.00);
        erp.put("Payment Entry", Map.of("name", "ACC-PAY-2026-00007", "party_type", "Customer", "party", "C-10001", "paid_amount", 30.00,
                "docstatus", 1, "references", List.of(Map.of("reference_doctype", "Sales Invoice", "reference_name", "ACC-SINV-2026-00042",
                        "allocated_amount", 30.00))));
        assertThat(erp.doc("Sales Invoice", "ACC-SINV-2026-00042").orElseThrow().path("outstanding_amount").asDouble()).isEqualTo(50.00);

        String engines = client.create("Payment Entry", payment("ACC-SINV-2026-00042", 50.00)).path("name").asText();
        assertThat(engines).matches("ACC-PAY-\\d{4}-00001");
        assertThat(erp.doc("Sales Invoice", "ACC-SINV-2026-00042").orElseThrow().path("status").asText()).isEqualTo("Paid");

        client.update("Payment Entry", engines, json.createObjectNode().put("docstatus", 2));
        ObjectNode reopened = erp.doc("Sales Invoice", "ACC-SINV-2026-00042").orElseThrow();
        assertThat(reopened.path("outstanding_amount").asDouble()).isEqualTo(50.00);
        assertThat(reopened.path("status").asText()).isEqualTo("Partly Paid");
        assertThat(erp.doc("Payment Entry", engines).orElseThrow().path("status").asText()).isEqualTo("Cancelled");
    }

    @Test
    void aSubmittedInvoicesAmountsCannotChangeButItsModifiedMovesWhenPaid() {
        ObjectNode created = client.create("Sales Invoice", invoice(50.00));
        String name = created.path("name").asText();

        assertThatThrownBy(() -> client.update("Sales Invoice", name, json.createObjectNode().put("grand_total", 1.0)))
                .isInstanceOfSatisfying(ExternalRequestRejected.class, e -> {
                    assertThat(e.status()).isEqualTo(417);
                    assertThat(e.providerMessage()).isEqualTo("UpdateAfterSubmitError: Not allowed to change grand_total after submission");
                });
        assertThat(client.update("Sales Invoice", name, json.createObjectNode().put("remarks", "late fee waived")).path("remarks").asText())
                .isEqualTo("late fee waived");

        String before = erp.doc("Sales Invoice", name).orElseThrow().path("modified").asText();
        client.create("Payment Entry", payment(name, 50.00));
        assertThat(names(client.page("Sales Invoice", List.of("name"), List.of(Filter.modifiedAfter(before)), "modified asc", 0, 10)))
                .containsExactly(name);
        assertThat(erp.doc("Sales Invoice", name).orElseThrow().path("status").asText()).isEqualTo("Paid");
    }

    @Test
    void failedCreatesStoreNothingAndLostAnswersStoreTheDocument() {
        erp.failNextCreates("Customer", 1);
        assertThatThrownBy(() -> client.create("Customer", json.createObjectNode().put("name", "C-20001")))
                .isInstanceOf(ExternalSystemUnavailable.class);
        assertThat(erp.doc("Customer", "C-20001")).isEmpty();

        erp.loseNextCreateAnswers("Customer", 1);
        ObjectNode posted = json.createObjectNode().put("name", "C-20001").put(ErpNextClient.ENGINE_ID, "engine-customer-7");
        assertThatThrownBy(() -> client.create("Customer", posted)).isInstanceOf(ExternalSystemUnavailable.class).hasMessageContaining("504");
        // the retry asks first, and finds what ERPNext stored
        assertThat(client.findByEngineId("Customer", "engine-customer-7")).map(row -> row.path("name").asText()).contains("C-20001");
        assertThat(erp.createCount("Customer")).isEqualTo(1);
    }

    @Test
    void changeBumpsModifiedSoAnIncrementalReadSeesIt() {
        String before = erp.doc("Customer", "C-10001").orElseThrow().path("modified").asText();
        assertThat(before).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{6}");
        erp.change("Customer", "C-10001", Map.of("customer_name", "Marie Tremblay-Roy"));

        List<ObjectNode> changed = client.page("Customer", List.of("name", "customer_name", "modified"), List.of(Filter.modifiedAfter(before)),
                "modified asc", 0, 10);
        assertThat(changed).hasSize(1);
        assertThat(changed.get(0).path("customer_name").asText()).isEqualTo("Marie Tremblay-Roy");
        assertThat(changed.get(0).path("modified").asText()).isGreaterThan(before);
        assertThat(erp.listCalls("Customer")).isEqualTo(1);
        fakes.reset();
        assertThat(erp.all("Customer")).isEmpty();
    }

    private ObjectNode invoice(double net) {
        ObjectNode invoice = json.createObjectNode().put("customer", "C-10001").put("docstatus", 1).put("due_date", "2099-12-31");
        invoice.putArray("items").addObject().put("item_code", "FIB-500").put("qty", net < 0 ? -1 : 1).put("rate", Math.abs(net));
        return invoice;
    }

    private ObjectNode payment(String invoice, double amount) {
        ObjectNode payment = json.createObjectNode().put("payment_type", "Receive").put("party_type", "Customer").put("party", "C-10001")
                .put("paid_amount", amount).put("docstatus", 1);
        payment.putArray("references").addObject().put("reference_doctype", "Sales Invoice").put("reference_name", invoice)
                .put("allocated_amount", amount);
        return payment;
    }

    private JsonNode list(String doctype, Map<String, String> query) throws Exception {
        StringBuilder url = new StringBuilder(endpoints.baseUrl("erpnext") + "/api/resource/" + doctype.replace(" ", "%20") + "?");
        query.forEach((k, v) -> url.append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&'));
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url.toString()))
                .header("Authorization", "token " + apiKey + ":" + apiSecret).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return json.readTree(answer.body()).path("data");
    }

    private static List<String> names(Iterable<? extends JsonNode> rows) {
        List<String> names = new java.util.ArrayList<>();
        rows.forEach(row -> names.add(row.path("name").asText()));
        return names;
    }
}
