package ca.gigafibre.automation.voip;

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
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockserver.matchers.Times;
import org.mockserver.model.HttpResponse;
import org.mockserver.verify.VerificationTimes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** voip-line and e911-address-change over the real BPMN, with the PBX and the 911 provider faked at the HTTP level. */
class VoipLineProcessTest extends IntegrationTest {

    private static final AtomicInteger NEXT_DID = new AtomicInteger(1000);
    private static final String SIP_PASSWORD = "SipSecretXyz12345Q";

    @Autowired
    FakeExternalSystems fakes;

    @Autowired
    Jobs jobs;

    @Autowired
    TestCustomers customers;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    DatabaseScan scan;

    private String customer;
    private String did;

    @BeforeEach
    void newCustomerAndDid() {
        fakes.reset();
        customer = customers.create("Voip", false, false, false);
        did = "45055" + String.format("%05d", NEXT_DID.incrementAndGet());
        ataInformsGenieAcs();
    }

    /** The customer's ATA, plugged in, informs GenieACS. */
    private void ataInformsGenieAcs() {
        fakes.preloadCpe("HT502-" + did, "00:0B:82:11:22:33", 0);
    }

    @AfterEach
    void realClock() {
        ClockUtil.reset();
    }

    @Test
    void happyPathCreatesTheLineRegisters911ThenGoesLive() throws Exception {
        ResponseEntity<JsonNode> ordered = order(Map.of());
        assertThat(ordered.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(ordered.getBody().path("state").asText()).isEqualTo("pending");

        assertThat(jobs.runDue(did)).isEmpty();

        assertThat(line().path("state").asText()).isEqualTo("active");
        assertThat(line().path("e911Synced").asBoolean()).isTrue();
        fakes.server().verify(
                request().withMethod("PUT").withPath("/pbx/v1/lines/" + did).withBody(json("{\"state\":\"suspended\"}")),
                request().withMethod("PUT").withPath("/e911/v1/subscribers/" + did).withBody(json("{\"streetName\":\"Rue Principale\",\"postalCode\":\"J2G 1A1\"}")),
                request().withMethod("GET").withPath("/e911/v1/subscribers/" + did),
                request().withMethod("PUT").withPath("/pbx/v1/lines/" + did).withBody(json("{\"voicemail\":{\"enabled\":true,\"pin\":\"987654\"}}")),
                request().withMethod("PATCH").withPath("/pbx/v1/lines/" + did).withBody(json("{\"state\":\"active\"}")));
        fakes.server().verify(request().withMethod("PATCH").withPath("/pbx/v1/lines/" + did), VerificationTimes.once());
        assertThat(jdbc.sql("SELECT configured_at IS NOT NULL FROM automation.ata_config WHERE did = :did").param("did", did)
                .query(Boolean.class).single()).isTrue();
        // the ATA got its SIP account as TR-104 parameters (the password straight from the encrypted store) and was read back
        org.mockserver.model.HttpRequest[] pushed = fakes.server().retrieveRecordedRequests(request().withMethod("POST")
                .withPath("/genieacs/devices/202BC1-XZ000G3-HT502-" + did + "/tasks"));
        assertThat(pushed).hasSize(1);
        JsonNode task = new com.fasterxml.jackson.databind.ObjectMapper().readTree(pushed[0].getBodyAsString());
        Map<String, String> parameters = new HashMap<>();
        task.path("parameterValues").forEach(p -> parameters.put(p.path(0).asText(), p.path(1).asText()));
        String line = "InternetGatewayDevice.Services.VoiceService.1.VoiceProfile.1.Line.1.";
        assertThat(task.path("name").asText()).isEqualTo("setParameterValues");
        assertThat(parameters).containsExactlyInAnyOrderEntriesOf(Map.of(line + "SIP.AuthUserName", did, line + "SIP.AuthPassword", SIP_PASSWORD,
                line + "SIP.URI", "sip:" + did + "@sip.gigafibre.ca", line + "CallingFeatures.MWIEnable", "true",
                "InternetGatewayDevice.Services.VoiceService.1.VoiceProfile.1.SIP.RegistrarServer", "sip.gigafibre.ca"));
        fakes.server().verify(request().withMethod("GET").withPath("/genieacs/devices/?")
                .withQueryStringParameter("projection", ".*VoiceProfile.1.SIP.RegistrarServer.*"), VerificationTimes.once());
        assertThat(scan.tablesContaining(SIP_PASSWORD)).isEmpty();
    }

    @Test
    void anAtaThatNeverInformedGenieAcsBecomesAnIncidentAndTheLineStaysNotLive() {
        fakes.reset();   // the ATA is not plugged in
        order(Map.of());

        jobs.runDue(did);
        int attempts = 1;
        while (jobs.incidents(did).isEmpty()) {
            Job job = management.createJobQuery().activityId("Task_ConfigureAta").processInstanceId(
                    runtime.createProcessInstanceQuery().processDefinitionKey("voip-line").processInstanceBusinessKey(did).singleResult().getId())
                    .singleResult();
            try {
                jobs.force(job);
            } catch (Exception expected) {
                attempts++;
            }
        }

        assertThat(attempts).isEqualTo(3);
        assertThat(jobs.incidents(did).get(0).getIncidentMessage()).contains("00:0B:82:11:22:33", "has not informed GenieACS");
        assertThat(line().path("state").asText()).isEqualTo("pending");
    }

    @Test
    void addressTheProviderRejectsWaitsForAPersonAndTheLineStaysNotLive() {
        order(Map.of("e911Address", Map.of("streetNumber", "12", "streetName", "Rue Inconnue", "city", "Granby", "postalCode", "J2G 1A1")));

        jobs.runDue(did);

        Task correct = tasks.createTaskQuery().processInstanceBusinessKey(did).singleResult();
        assertThat(correct.getName()).isEqualTo("Corriger l'adresse 9-1-1 / Correct 911 address — Test Voip");
        assertThat(tasks.getVariable(correct.getId(), "e911InvalidFields")).isEqualTo("streetName");
        assertThat(tasks.getVariable(correct.getId(), "e911StreetName")).isEqualTo("Rue Inconnue");
        assertThat(line().path("state").asText()).isEqualTo("pending");
        fakes.server().verify(request().withMethod("PATCH").withPath("/pbx/v1/lines/" + did), VerificationTimes.never());

        Map<String, Object> corrected = new HashMap<>(tasks.getVariables(correct.getId()));
        corrected.put("e911StreetName", "Rue Principale");
        tasks.complete(correct.getId(), corrected);
        assertThat(jobs.runDue(did)).isEmpty();

        assertThat(line().path("state").asText()).isEqualTo("active");
        assertThat(jdbc.sql("SELECT street_name FROM automation.e911_address WHERE did = :did").param("did", did)
                .query(String.class).single()).isEqualTo("Rue Principale");
        fakes.server().verify(request().withMethod("PUT").withPath("/e911/v1/subscribers/" + did), VerificationTimes.exactly(2));
    }

    @Test
    void pbxDownIsRetriedThenAnIncidentThenResolved() {
        fakes.server().when(request().withMethod("PUT").withPath("/pbx/v1/lines/" + did), Times.unlimited(),
                org.mockserver.matchers.TimeToLive.unlimited(), 10).respond(HttpResponse.response().withStatusCode(503));
        order(Map.of());

        int attempts = 0;
        while (jobs.incidents(did).isEmpty() && attempts < 10) {
            Job job = jobs.jobs(did).get(0);
            try {
                jobs.force(job);
            } catch (Exception expected) {
                attempts++;
            }
        }
        assertThat(attempts).isGreaterThanOrEqualTo(3);
        String instance = jobs.incidents(did).get(0).getProcessInstanceId();
        JsonNode incidents = as("admin").getForObject("/engine-rest/incident?processInstanceId={id}&firstResult=0&maxResults=50", JsonNode.class, instance);
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).path("incidentMessage").asText()).contains("pbx").contains("503");
        assertThat(incidents.get(0).path("activityId").asText()).isEqualTo("Task_CreateSipLine");

        fakes.reset();
        ataInformsGenieAcs();
        Job failed = jobs.jobs(did).get(0);
        management.setJobRetries(failed.getId(), 1);      // what "Retry" in Cockpit does
        jobs.force(failed);                                 // what the job executor does once the retry is due
        assertThat(jobs.runDue(did)).isEmpty();
        assertThat(jobs.incidents(did)).isEmpty();
        assertThat(line().path("state").asText()).isEqualTo("active");
    }

    @Test
    void addressChangeUpdatesTheProviderAndVerifiesIt() throws Exception {
        order(Map.of());
        jobs.runDue(did);

        ResponseEntity<JsonNode> changed = as("ops").exchange("/api/voip-lines/" + did + "/e911-address", HttpMethod.PUT,
                new HttpEntity<>(Map.of("streetNumber", "88", "apt", "3", "streetName", "Rue Dufferin", "city", "Granby", "postalCode", "j2g 4k7")),
                JsonNode.class);
        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(changed.getBody().path("e911Synced").asBoolean()).isFalse();
        assertThat(jobs.runDue(did)).isEmpty();

        assertThat(line().path("e911Synced").asBoolean()).isTrue();
        JsonNode held = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                new org.springframework.web.client.RestTemplate().getForObject(fakes.baseUrl("e911") + "/v1/subscribers/" + did, String.class));
        assertThat(held.path("streetName").asText()).isEqualTo("Rue Dufferin");
        assertThat(held.path("postalCode").asText()).isEqualTo("J2G 4K7");
    }

    @Test
    void aLineLeftUnsyncedEscalatesToOpsOnTheEngineClock() {
        order(Map.of("e911Address", Map.of("streetNumber", "12", "streetName", "Rue Inconnue", "city", "Granby", "postalCode", "J2G 1A1")));
        jobs.runDue(did);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(did).taskNameLike("Adresse 9-1-1 non confirmée : agir maintenant / 911 address not confirmed: act now — %").count()).isZero();

        ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + (4 * 60 + 1) * 60_000L));
        jobs.runDue(did);

        List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(did).list();
        assertThat(open).extracting(Task::getName).containsExactlyInAnyOrder("Corriger l'adresse 9-1-1 / Correct 911 address — Test Voip", "Adresse 9-1-1 non confirmée : agir maintenant / 911 address not confirmed: act now — Test Voip");
        assertThat(line().path("e911Synced").asBoolean()).isFalse();
        assertThat(line().path("state").asText()).isEqualTo("pending");
    }

    @Test
    void aCorrectionAfterTheEscalationStillBringsTheLineLive() {
        order(Map.of("e911Address", Map.of("streetNumber", "12", "streetName", "Rue Inconnue", "city", "Granby", "postalCode", "J2G 1A1")));
        jobs.runDue(did);
        ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + (4 * 60 + 1) * 60_000L));
        jobs.runDue(did);
        Task correct = tasks.createTaskQuery().processInstanceBusinessKey(did).taskNameLike("Corriger l'adresse 9-1-1 / Correct 911 address — %").singleResult();

        Map<String, Object> corrected = new HashMap<>(tasks.getVariables(correct.getId()));
        corrected.put("e911StreetName", "Rue Principale");
        tasks.complete(correct.getId(), corrected);
        assertThat(jobs.runDue(did)).isEmpty();

        assertThat(line().path("state").asText()).isEqualTo("active");
        assertThat(line().path("e911Synced").asBoolean()).isTrue();
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(did).count()).isZero();   // the escalation task ended with the sync
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(did).count()).isZero();
    }

    @Test
    void serviceAddressChangeMovesThe911Registration() {
        order(Map.of());
        jobs.runDue(did);
        String location = line().path("locationId").asText();

        as("ops").put("/api/locations/" + location + "/address", Map.of("streetNumber", "5", "streetName", "Rue Court",
                "city", "Granby", "postalCode", "J2G 2B2"));
        assertThat(line().path("e911Synced").asBoolean()).isFalse();
        assertThat(jobs.runDue(did)).isEmpty();

        assertThat(line().path("e911Synced").asBoolean()).isTrue();
        assertThat(jdbc.sql("SELECT street_name FROM automation.e911_address WHERE did = :did").param("did", did)
                .query(String.class).single()).isEqualTo("Rue Court");
        assertThat(count("location_address_history")).isPositive();
    }

    @Test
    void malformedDidPostalCodeAndMacAreNamedAndNothingIsWritten() {
        long before = count("voip_line");
        Map<String, Object> bad = new HashMap<>(Map.of("did", "450-555", "callerIdName", "TEST",
                "ata", Map.of("model", "ht502", "mac", "not-a-mac"),
                "e911Address", Map.of("streetNumber", "1", "streetName", "Rue Principale", "city", "Granby", "postalCode", "99999")));

        ResponseEntity<JsonNode> answer = as("ops").postForEntity("/api/customers/" + customer + "/voip-lines", bad, JsonNode.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("did", "ata.mac", "e911Address.postalCode");
        assertThat(count("voip_line")).isEqualTo(before);
        ResponseEntity<JsonNode> badChange = as("ops").exchange("/api/voip-lines/12345/e911-address", HttpMethod.PUT,
                new HttpEntity<>(Map.of("streetNumber", "1", "streetName", "Rue X", "city", "Granby", "postalCode", "J2G 1A1")), JsonNode.class);
        assertThat(badChange.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(badChange.getBody().path("errors").get(0).path("field").asText()).isEqualTo("did");
    }

    private ResponseEntity<JsonNode> order(Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("did", did, "callerIdName", "VOIP TEST", "voicemailEnabled", true,
                "voicemailPin", "987654", "sipPassword", SIP_PASSWORD, "ata", Map.of("model", "ht502", "mac", "00-0b-82-11-22-33")));
        body.putAll(extra);
        return as("ops").postForEntity("/api/customers/" + customer + "/voip-lines", body, JsonNode.class);
    }

    private JsonNode line() {
        JsonNode lines = as("ops").getForObject("/api/customers/" + customer + "/voip-lines", JsonNode.class);
        for (JsonNode line : lines) {
            if (line.path("did").asText().equals(did)) {
                return line;
            }
        }
        throw new AssertionError("no line " + did);
    }
}
