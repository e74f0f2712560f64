package ca.gigafibre.automation.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.JsonBody.json;

import ca.gigafibre.automation.adapter.fake.FakeExternalSystems;
import ca.gigafibre.automation.testing.DatabaseScan;
import ca.gigafibre.automation.testing.IntegrationTest;
import ca.gigafibre.automation.testing.Jobs;
import ca.gigafibre.automation.testing.TestCustomers;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockserver.matchers.TimeToLive;
import org.mockserver.matchers.Times;
import org.mockserver.model.HttpResponse;
import org.mockserver.model.MediaType;
import org.mockserver.verify.VerificationTimes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** provisioning over the real BPMN: OLT, GenieACS, IP pool, and voip-line for each phone line. */
class ProvisioningProcessTest extends IntegrationTest {

    private static final AtomicInteger NEXT = new AtomicInteger(5000);
    private static final String WIFI_KEY = "WifiSecret-998877";

    @Autowired
    FakeExternalSystems fakes;

    @Autowired
    Jobs jobs;

    @Autowired
    TestCustomers customers;

    @Autowired
    TaskService tasks;

    @Autowired
    DatabaseScan scan;

    private String customer;
    private String location;
    private String serial;
    private String did;

    @BeforeEach
    void customerAtALocation() {
        fakes.reset();
        jdbc.sql("""
                INSERT INTO automation.plan (sku, name_fr, name_en, price, billing_frequency, category, download_mbps, upload_mbps)
                VALUES ('TEST-FIB-500', 'Fibre 500', 'Fibre 500', 84.95, 'monthly', 'internet', 500, 500) ON CONFLICT (sku) DO NOTHING
                """).update();
        customer = customers.create("Provisioning", false, false, false);
        location = as("ops").getForObject("/api/customers/" + customer, JsonNode.class).path("locations").get(0).path("id").asText();
        int n = NEXT.incrementAndGet();
        serial = String.format("TPLG%08X", n);
        did = "45066" + String.format("%05d", n);
    }

    @AfterEach
    void realClock() {
        ClockUtil.reset();
    }

    @Test
    void ordersTheServiceEndToEnd() {
        ResponseEntity<JsonNode> ordered = order(List.of(Map.of("did", did, "callerIdName", "PROV TEST")));
        assertThat(ordered.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String subscription = ordered.getBody().path("subscriptionId").asText();

        assertThat(jobs.runDue(subscription, did)).isEmpty();

        fakes.server().verify(request().withMethod("PUT").withPath("/olt/v1/onts/" + serial)
                .withBody(json("{\"oltId\":\"OLT-EAST\",\"port\":\"1/2/3\",\"customerId\":\"" + customer + "\",\"locationId\":\"" + location
                        + "\",\"downloadMbps\":500,\"uploadMbps\":500,\"state\":\"enabled\"}")), VerificationTimes.once());
        fakes.server().verify(request().withMethod("POST").withPath("/genieacs/devices/.*/tasks")
                .withBody(json("{\"name\":\"setParameterValues\"}")), VerificationTimes.once());
        fakes.server().verify(request().withMethod("PATCH").withPath("/pbx/v1/lines/" + did).withBody(json("{\"state\":\"active\"}")),
                VerificationTimes.once());
        assertThat(jdbc.sql("SELECT status FROM automation.subscription WHERE subscription_no = :no").param("no", subscription)
                .query(String.class).single()).isEqualTo("active");
        JsonNode ips = as("ops").getForObject("/api/customers/" + customer + "/ip-history", JsonNode.class);
        assertThat(ips).hasSize(1);
        assertThat(ips.get(0).path("ip").asText()).startsWith("96.125.2");
        assertThat(ips.get(0).path("subscriptionId").asText()).isEqualTo(subscription);
        assertThat(scan.tablesContaining(WIFI_KEY)).isEmpty();
    }

    @Test
    void cpeThatNeverAppearsAsksAPersonThenCarriesOn() {
        fakes.server().when(request().withMethod("GET").withPath("/genieacs/devices/?"), Times.unlimited(), TimeToLive.unlimited(), 10)
                .respond(HttpResponse.response().withStatusCode(200).withContentType(MediaType.APPLICATION_JSON).withBody("[]"));
        String subscription = order(List.of()).getBody().path("subscriptionId").asText();

        long clock = System.currentTimeMillis();
        for (int minute = 0; minute < 30 && tasks.createTaskQuery().processInstanceBusinessKey(subscription).count() == 0; minute++) {
            jobs.runDue(subscription);
            clock += 2 * 60_000L;
            ClockUtil.setCurrentTime(new Date(clock));
        }

        Task cpeNotSeen = tasks.createTaskQuery().processInstanceBusinessKey(subscription).singleResult();
        assertThat(cpeNotSeen.getName()).isEqualTo("Équipement client non détecté / CPE not seen — Test Provisioning");
        assertThat(tasks.getVariable(cpeNotSeen.getId(), "cpeChecks")).isEqualTo(10);
        fakes.server().verify(request().withMethod("GET").withPath("/genieacs/devices/?"), VerificationTimes.exactly(10));

        fakes.reset();   // the technician fixed the cabling: the CPE informs GenieACS
        fakes.preloadOnt(serial, "OLT-EAST", "1/2/3", customer, "enabled");
        tasks.complete(cpeNotSeen.getId(), Map.of("cpeNote", "Fibre rebranchée au boîtier"));
        assertThat(jobs.runDue(subscription)).isEmpty();

        assertThat(jdbc.sql("SELECT status FROM automation.subscription WHERE subscription_no = :no").param("no", subscription)
                .query(String.class).single()).isEqualTo("active");
    }

    @Test
    void oltRefusalGoesToOpsWhoFixThePort() {
        jdbc.sql("UPDATE automation.service_location SET olt_id = 'OLT-MOON' WHERE location_no = :no").param("no", location).update();
        String subscription = order(List.of()).getBody().path("subscriptionId").asText();

        jobs.runDue(subscription);

        Task fix = tasks.createTaskQuery().processInstanceBusinessKey(subscription).singleResult();
        assertThat(fix.getName()).isEqualTo("Corriger les données d'approvisionnement / Fix provisioning data — Test Provisioning");
        assertThat((String) tasks.getVariable(fix.getId(), "provisioningProblem")).contains("422").contains("OLT-MOON");
        tasks.complete(fix.getId(), Map.of("oltId", "OLT-WEST", "oltPort", "2/1/7"));
        assertThat(jobs.runDue(subscription)).isEmpty();

        fakes.server().verify(request().withMethod("PUT").withPath("/olt/v1/onts/" + serial)
                .withBody(json("{\"oltId\":\"OLT-WEST\",\"port\":\"2/1/7\"}")), VerificationTimes.once());
        assertThat(jdbc.sql("SELECT olt_id FROM automation.service_location WHERE location_no = :no").param("no", location)
                .query(String.class).single()).isEqualTo("OLT-WEST");
    }

    @Test
    void badOrderIsNamedAndNothingIsWritten() {
        long subscriptions = count("subscription");
        Map<String, Object> bad = new HashMap<>(Map.of("sku", "TEST-FIB-500", "ontSerial", "bad serial", "wifiSsid", "Maison",
                "wifiKey", "short", "phoneLines", List.of(Map.of("did", "12", "callerIdName", "X"))));

        ResponseEntity<JsonNode> answer = as("ops").postForEntity("/api/locations/" + location + "/services", bad, JsonNode.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("ontSerial", "wifiKey", "phoneLines[0].did");
        assertThat(count("subscription")).isEqualTo(subscriptions);
        assertThat(as("ops").postForEntity("/api/locations/LOC-99999999/services", Map.of("sku", "TEST-FIB-500", "ontSerial", serial),
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private ResponseEntity<JsonNode> order(List<Map<String, Object>> phoneLines) {
        return as("ops").postForEntity("/api/locations/" + location + "/services", Map.of("sku", "TEST-FIB-500", "ontSerial", serial,
                "wifiSsid", "Maison-Test", "wifiKey", WIFI_KEY, "phoneLines", phoneLines), JsonNode.class);
    }
}
