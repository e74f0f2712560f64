package ca.gigafibre.automation.adapter.erpnext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockserver.model.HttpRequest.request;

import ca.gigafibre.automation.adapter.AdapterEndpoints;
import ca.gigafibre.automation.adapter.AdapterProperties;
import ca.gigafibre.automation.adapter.ExternalRequestRejected;
import ca.gigafibre.automation.adapter.ExternalSystemUnavailable;
import ca.gigafibre.automation.adapter.FallbackEndpoints;
import ca.gigafibre.automation.adapter.erpnext.ErpNextClient.Filter;
import ca.gigafibre.automation.adapter.fake.FakeErpNext;
import ca.gigafibre.automation.adapter.fake.FakeExternalSystems;
import ca.gigafibre.automation.testing.IntegrationTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockserver.model.HttpRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The ERPNext client against the stateful fake: paging, filters, documents with child tables, writes, errors, credentials. */
@ExtendWith(OutputCaptureExtension.class)
class ErpNextClientTest extends IntegrationTest {

    @Autowired
    ErpNextClient client;

    @Autowired
    FakeExternalSystems fakes;

    @Value("${automation.adapters.erpnext.api-key}")
    String apiKey;

    @Value("${automation.adapters.erpnext.api-secret}")
    String apiSecret;

    private final ObjectMapper json = new ObjectMapper();
    private FakeErpNext erp;

    @BeforeEach
    void emptyErpNext() {
        fakes.reset();
        erp = fakes.erpNext();
    }

    @Test
    void readsEveryOneOf1234CustomersInThreePagesOfAtMost500NoneTwice() {
        for (int i = 1; i <= 1234; i++) {
            erp.put("Customer", Map.of("name", "C-" + (20000 + i), "customer_name", "Client " + i));
        }
        List<Integer> pageSizes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        client.forEachPage("Customer", List.of("name", "customer_name", "modified"), List.of(), page -> {
            pageSizes.add(page.size());
            page.forEach(row -> names.add(row.path("name").asText()));
        });

        assertThat(pageSizes).containsExactly(500, 500, 234);
        assertThat(names).hasSize(1234);
        assertThat(new HashSet<>(names)).hasSize(1234);
        assertThat(erp.listCalls("Customer")).isEqualTo(3);
    }

    @Test
    void aPageIsAsLongAsAskedPastFrappesDefaultOf20() {
        for (int i = 1; i <= 45; i++) {
            erp.put("Item", Map.of("name", "SKU-" + (100 + i), "item_name", "Item " + i));
        }
        assertThat(client.page("Item", List.of("name"), List.of(), "name asc", 0, 30)).hasSize(30);
        List<ObjectNode> rest = client.page("Item", List.of("name"), List.of(), "name asc", 30, 30);
        assertThat(rest).hasSize(15);
        assertThat(rest.get(0).path("name").asText()).isEqualTo("SKU-131");
    }

    @Test
    void filtersOnTheModifiedWatermarkDocstatusAndEngineId() {
        erp.put("Customer", Map.of("name", "C-1"));
        erp.put("Sales Invoice", Map.of("name", "SINV-OLD", "customer", "C-1", "docstatus", 1, "grand_total", 10,
                "modified", "2026-01-05 10:00:00.000000"));
        erp.put("Sales Invoice", Map.of("name", "SINV-DRAFT", "customer", "C-1", "docstatus", 0, "grand_total", 20,
                "modified", "2026-01-06 10:00:00.000000"));
        erp.put("Sales Invoice", Map.of("name", "SINV-NEW", "customer", "C-1", "docstatus", 1, "grand_total", 30,
                "custom_engine_id", "INV-0000042", "modified", "2026-01-07 10:00:00.000000"));

        List<String> changed = new ArrayList<>();
        client.forEachPage("Sales Invoice", List.of("name"), List.of(Filter.modifiedAfter("2026-01-05 10:00:00.000000"),
                Filter.eq("docstatus", 1)), page -> page.forEach(row -> changed.add(row.path("name").asText())));
        assertThat(changed).containsExactly("SINV-NEW");

        List<String> sinceOld = new ArrayList<>();
        client.forEachPage("Sales Invoice", List.of("name"), List.of(Filter.modifiedAfter("2026-01-05 09:59:59.999999")),
                page -> page.forEach(row -> sinceOld.add(row.path("name").asText())));
        assertThat(sinceOld).containsExactly("SINV-OLD", "SINV-DRAFT", "SINV-NEW");

        assertThat(client.findByEngineId("Sales Invoice", "INV-0000042")).map(row -> row.path("name").asText()).contains("SINV-NEW");
        assertThat(client.findByEngineId("Sales Invoice", "INV-0000043")).isEmpty();
        assertThat(client.page("Sales Invoice", List.of("name", "grand_total"), List.of(new Filter("name", "in", List.of("SINV-OLD", "SINV-NEW"))),
                "grand_total desc", 0, 10)).extracting(row -> row.path("grand_total").asInt()).containsExactly(30, 10);
    }

    @Test
    void getReadsTheDocumentWithItsChildTablesAndUnknownIsEmpty() {
        erp.put("Dispatch Technician", Map.of("name", "DT-00001", "technician_name", "Luc Gagnon",
                "tags", List.of(Map.of("tag", "Fibre splicing", "level", 4), Map.of("tag", "VoIP", "level", 2))));

        ObjectNode technician = client.get("Dispatch Technician", "DT-00001").orElseThrow();
        assertThat(technician.path("tags")).hasSize(2);
        assertThat(technician.path("tags").get(0).path("tag").asText()).isEqualTo("Fibre splicing");
        assertThat(technician.path("tags").get(0).path("level").asInt()).isEqualTo(4);
        // lists never carry child tables
        assertThat(client.page("Dispatch Technician", List.of("*"), List.of(), "name asc", 0, 10).get(0).has("tags")).isFalse();
        assertThat(client.get("Dispatch Technician", "DT-99999")).isEmpty();
    }

    @Test
    void createsAndUpdatesDocuments() {
        erp.put("Customer", Map.of("name", "C-10001", "customer_name", "Marie Tremblay"));
        erp.put("Item", Map.of("name", "FIBRE-500"));
        ObjectNode invoice = json.createObjectNode().put("customer", "C-10001").put("docstatus", 1).put("custom_engine_id", "INV-1");
        invoice.putArray("items").addObject().put("item_code", "FIBRE-500").put("qty", 1).put("rate", 100.0);
        invoice.putArray("taxes").addObject().put("charge_type", "On Net Total").put("rate", 5).put("tax_amount", 5.0);

        ObjectNode created = client.create("Sales Invoice", invoice);

        assertThat(created.path("name").asText()).matches("ACC-SINV-\\d{4}-00001");
        assertThat(created.path("grand_total").asDouble()).isEqualTo(105.0);
        assertThat(created.path("outstanding_amount").asDouble()).isEqualTo(105.0);
        assertThat(erp.createCount("Sales Invoice")).isEqualTo(1);

        ObjectNode renamed = client.update("Customer", "C-10001", json.createObjectNode().put("customer_name", "Marie Tremblay-Roy"));
        assertThat(renamed.path("customer_name").asText()).isEqualTo("Marie Tremblay-Roy");
        assertThat(erp.doc("Customer", "C-10001").orElseThrow().path("customer_name").asText()).isEqualTo("Marie Tremblay-Roy");
    }

    @Test
    void aRefusalBecomesExternalRequestRejectedNamingFrappesErrorAndMessage() {
        ObjectNode invoice = json.createObjectNode().put("customer", "C-404").put("docstatus", 1);

        assertThatThrownBy(() -> client.create("Sales Invoice", invoice))
                .isInstanceOfSatisfying(ExternalRequestRejected.class, e -> {
                    assertThat(e.status()).isEqualTo(417);
                    assertThat(e.providerMessage()).isEqualTo("LinkValidationError: Could not find Customer: C-404");
                });
        assertThat(erp.all("Sales Invoice")).isEmpty();
    }

    @Test
    void downIsExternalSystemUnavailable() {
        erp.down(true);
        assertThatThrownBy(() -> client.page("Customer", List.of(), List.of(), "name asc", 0, 10))
                .isInstanceOf(ExternalSystemUnavailable.class).hasMessageContaining("503");
        assertThatThrownBy(() -> client.get("Customer", "C-1")).isInstanceOf(ExternalSystemUnavailable.class);
        erp.down(false);
        assertThat(client.page("Customer", List.of(), List.of(), "name asc", 0, 10)).isEmpty();
    }

    @Test
    void sendsTheTokenAndNeverLogsTheKeyOrSecret(CapturedOutput output) {
        client.page("Customer", List.of(), List.of(), "name asc", 0, 10);
        assertThatThrownBy(() -> client.create("Sales Invoice", json.createObjectNode().put("customer", "C-404")))
                .isInstanceOf(ExternalRequestRejected.class);
        erp.down(true);
        assertThatThrownBy(() -> client.get("Customer", "C-1")).isInstanceOf(ExternalSystemUnavailable.class);

        HttpRequest[] calls = fakes.server().retrieveRecordedRequests(request().withPath("/erpnext/.*"));
        assertThat(calls).hasSize(3);
        assertThat(calls).allSatisfy(call -> assertThat(call.getFirstHeader("Authorization"))
                .isEqualTo("token " + apiKey + ":" + apiSecret));
        // the failures above were logged (so the capture is real), without the credentials
        assertThat(output.getAll()).contains("erpnext POST /api/resource/Sales Invoice refused with 417");
        assertThat(output.getAll()).doesNotContain(apiKey).doesNotContain(apiSecret);
    }

    @Test
    void aWrongSecretIsRefusedWith401() {
        AdapterProperties.Endpoint wrong = new AdapterProperties.Endpoint(null, null, null, null, null, null, null, null,
                apiKey, "not-the-secret", null, null);
        AdapterEndpoints endpoints = new AdapterEndpoints(new AdapterProperties(null, null, null, null, null, null, wrong, null, null, null),
                new org.springframework.beans.factory.support.StaticListableBeanFactory(Map.of("fakes", fakes))
                        .getBeanProvider(FallbackEndpoints.class));

        assertThatThrownBy(() -> new ErpNextClient(endpoints).page("Customer", List.of(), List.of(), "name asc", 0, 10))
                .isInstanceOfSatisfying(ExternalRequestRejected.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.providerMessage()).startsWith("AuthenticationError");
                });
    }
}
