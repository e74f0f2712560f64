package ca.gigafibre.automation.voip.orphan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockserver.model.HttpRequest.request;

import ca.gigafibre.automation.adapter.e911.E911Client;
import ca.gigafibre.automation.adapter.fake.FakeExternalSystems;
import ca.gigafibre.automation.demo.DemoDataGenerator;
import ca.gigafibre.automation.testing.IntegrationTest;
import ca.gigafibre.automation.testing.Jobs;
import ca.gigafibre.automation.voip.E911AuditRun;
import ca.gigafibre.automation.voip.E911NightlyAudit;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockserver.matchers.TimeToLive;
import org.mockserver.matchers.Times;
import org.mockserver.model.HttpResponse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Orphan 911 registrations removed by ops — one, many after a preview, or from the 911 audit review — leave the orphan
 * report and the audit, are logged under the person's name, and a DID a line still has is never touched. Over a small
 * generated load (scale 0.02: a handful of lines and orphans), the fakes in line with it.
 */
class OrphanDeregistrationTest extends IntegrationTest {

    private static final String BULK = "/api/reports/e911-orphans/deregistrations";

    @Autowired
    DemoDataGenerator generator;

    @Autowired
    FakeExternalSystems fakes;

    @Autowired
    E911Client provider;

    @Autowired
    E911NightlyAudit audit;

    @Autowired
    TaskService tasks;

    @Autowired
    HistoryService history;

    @Autowired
    Jobs jobs;

    @BeforeEach
    void smallLoadWithTheFakesInLine() {
        fakes.reset();
        generator.generate(0.02, 20261123, true);   // a replace: our data and the fakes' hold the same lines and orphans
    }

    @AfterEach
    void noProviderFailureLeftBehind() {
        fakes.reset();
    }

    @Test
    void opsRemoveOneOrphanWhichLeavesTheReportAndIsLoggedUnderTheirName() {
        List<String> orphans = orphanDids();
        String did = orphans.get(0);

        ResponseEntity<String> byAnalyst = as("analyst").postForEntity(single(did), null, String.class);
        assertThat(byAnalyst.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(provider.find(did)).isPresent();

        ResponseEntity<JsonNode> removed = as("ops").postForEntity(single(did), null, JsonNode.class);

        assertThat(removed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(removed.getBody().path("did").asText()).isEqualTo(did);
        assertThat(removed.getBody().path("source").asText()).isEqualTo("both");
        assertThat(provider.find(did)).isEmpty();
        assertThat(orphanDids()).hasSize(orphans.size() - 1).doesNotContain(did);
        assertThat(jdbc.sql("SELECT count(*) FROM automation.e911_address WHERE did = :did").param("did", did).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT actor FROM automation.audit_log WHERE action = 'e911.orphan-deregistered' AND entity_ref = :did")
                .param("did", did).query(String.class).list()).containsExactly("ops");

        ResponseEntity<String> again = as("ops").postForEntity(single(did), null, String.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aDidWithALineInServiceIsA409NamingItAndStaysRegistered() {
        String live = liveDid();

        ResponseEntity<JsonNode> refused = as("ops").postForEntity(single(live), null, JsonNode.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().path("dids").get(0).asText()).isEqualTo(live);
        assertThat(refused.getBody().path("detail").asText()).contains(live);
        assertThat(provider.find(live)).isPresent();
        assertThat(jdbc.sql("SELECT count(*) FROM automation.e911_address WHERE did = :did").param("did", live).query(Long.class).single()).isEqualTo(1);
        assertThat(removals()).isZero();
    }

    @Test
    void aRegistrationOnlyTheProviderHoldsIsRemovedToo() {
        fakes.preloadE911("8195550000", Map.of("firstName", "Oublié", "lastName", "Client", "streetNumber", "1",
                "streetName", "Rue Oubliée", "city", "Granby", "province", "QC", "postalCode", "J2G 1A1", "serviceClass", "RES"));
        assertThat(orphanDids()).contains("8195550000");

        JsonNode removed = as("ops").postForObject(single("8195550000"), null, JsonNode.class);

        assertThat(removed.path("source").asText()).isEqualTo("provider");
        assertThat(removed.path("address").asText()).isEqualTo("1 Rue Oubliée, Granby");
        assertThat(orphanDids()).doesNotContain("8195550000");
    }

    @Test
    void aMalformedDidIsA400NamingIt() {
        ResponseEntity<JsonNode> bad = as("ops").postForEntity(single("81955"), null, JsonNode.class);

        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().path("errors").get(0).path("field").asText()).isEqualTo("did");
    }

    @Test
    void theProviderDownIsA503AndOurRecordStays() {
        String did = orphanDids().get(0);
        fakes.server().when(request().withMethod("DELETE").withPath("/e911/v1/subscribers/" + did), Times.unlimited(), TimeToLive.unlimited(), 10)
                .respond(HttpResponse.response().withStatusCode(503));

        ResponseEntity<JsonNode> failed = as("ops").postForEntity(single(did), null, JsonNode.class);

        assertThat(failed.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(failed.getBody().path("title").asText()).isEqualTo("911 provider unavailable");
        assertThat(orphanDids()).contains(did);
        assertThat(removals()).isZero();
    }

    @Test
    void bulkShowsThePreviewFirstAndRemovesExactlyWhatItListedOnConfirmation() {
        List<String> orphans = orphanDids();
        List<String> chosen = orphans.subList(0, 3);

        ResponseEntity<String> byAnalyst = as("analyst").postForEntity(BULK, json(Map.of("dids", chosen, "confirm", false)), String.class);
        assertThat(byAnalyst.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        JsonNode preview = as("ops").postForObject(BULK, json(Map.of("dids", chosen, "confirm", false)), JsonNode.class);

        assertThat(preview.path("confirmed").asBoolean()).isFalse();
        assertThat(preview.path("orphans").findValuesAsText("did")).containsExactlyElementsOf(chosen);
        assertThat(orphanDids()).isEqualTo(orphans);   // a preview removes nothing
        String token = preview.path("previewToken").asText();

        ResponseEntity<JsonNode> byAdmin = as("admin").postForEntity(BULK, json(Map.of("confirm", true, "previewToken", token)), JsonNode.class);
        assertThat(byAdmin.getStatusCode()).as("another user's preview").isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        JsonNode done = as("ops").postForObject(BULK, json(Map.of("confirm", true, "previewToken", token)), JsonNode.class);

        assertThat(done.path("deregistered").findValuesAsText("did")).containsExactlyElementsOf(chosen);
        assertThat(done.path("refused")).isEmpty();
        assertThat(done.path("failed")).isEmpty();
        assertThat(orphanDids()).hasSize(orphans.size() - 3).doesNotContainAnyElementsOf(chosen);
        assertThat(chosen).allSatisfy(did -> assertThat(provider.find(did)).isEmpty());
        assertThat(jdbc.sql("SELECT count(*) FROM automation.audit_log WHERE action = 'e911.orphan-deregistered' AND actor = 'ops'")
                .query(Long.class).single()).isEqualTo(3);

        ResponseEntity<JsonNode> twice = as("ops").postForEntity(BULK, json(Map.of("confirm", true, "previewToken", token)), JsonNode.class);
        assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(twice.getBody().path("errors").get(0).path("field").asText()).isEqualTo("previewToken");
    }

    @Test
    void bulkWithADidALineHasIsA409NamingItAndRemovesNothing() {
        List<String> orphans = orphanDids();
        String live = liveDid();
        long previews = count("e911_deregistration_preview");

        ResponseEntity<JsonNode> refused = as("ops").postForEntity(BULK, json(Map.of("dids", List.of(orphans.get(0), live), "confirm", false)),
                JsonNode.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().path("dids")).extracting(JsonNode::asText).containsExactly(live);
        assertThat(count("e911_deregistration_preview")).as("no preview token given").isEqualTo(previews);
        assertThat(orphanDids()).isEqualTo(orphans);
    }

    @Test
    void theReviewerRemovesTheAuditsOrphansAndTheNextAuditFindsNone() {
        List<String> orphans = orphanDids();
        E911AuditRun found = audit.run();
        assertThat(found.orphans()).isEqualTo(orphans.size());
        Task review = tasks.createTaskQuery().processInstanceId(found.reviewProcessInstanceId()).singleResult();

        ResponseEntity<String> submitted = as("ops").postForEntity("/engine-rest/task/" + review.getId() + "/submit-form", json(Map.of(
                "variables", Map.of("deregisterOrphans", Map.of("value", true), "reviewNote", Map.of("value", "Lignes résiliées en 2024")))),
                String.class);
        assertThat(submitted.getStatusCode()).as(submitted.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(jobs.runDue("E911-AUDIT-" + found.id())).isEmpty();

        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(found.reviewProcessInstanceId()).singleResult().getEndActivityId())
                .isEqualTo("EndEvent_OrphansRemoved");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(found.reviewProcessInstanceId())
                .variableName("orphansDeregistered").singleResult().getValue()).isEqualTo(orphans.size());
        assertThat(orphanDids()).isEmpty();
        assertThat(orphans).allSatisfy(did -> assertThat(provider.find(did)).isEmpty());
        assertThat(jdbc.sql("SELECT actor FROM automation.audit_log WHERE action = 'e911.orphan-deregistered'").query(String.class).list())
                .hasSize(orphans.size()).containsOnly("ops");
        E911AuditRun next = audit.run();
        assertThat(next.orphans()).isZero();
        assertThat(next.newProblemDids()).isEmpty();
    }

    @Test
    void aReviewWithoutTheBoxTickedRemovesNothing() {
        List<String> orphans = orphanDids();
        E911AuditRun found = audit.run();
        Task review = tasks.createTaskQuery().processInstanceId(found.reviewProcessInstanceId()).singleResult();

        as("ops").postForEntity("/engine-rest/task/" + review.getId() + "/submit-form", json(Map.of(
                "variables", Map.of("deregisterOrphans", Map.of("value", false), "reviewNote", Map.of("value", "À voir")))), String.class);

        assertThat(jobs.runDue("E911-AUDIT-" + found.id())).isEmpty();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(found.reviewProcessInstanceId()).singleResult().getEndActivityId())
                .isEqualTo("EndEvent_Reviewed");
        assertThat(orphanDids()).isEqualTo(orphans);
    }

    @Test
    void aDeactivatedLinesRegistrationOnceRemovedIsNoLongerInTheAuditTheOrphanReportOrTheDidReport() {
        String did = liveDid();
        // what a deactivation does to the line itself: out of service; its 911 registration is then an orphan
        jdbc.sql("UPDATE automation.voip_line SET state = 'cancelled' WHERE did = :did").param("did", did).update();
        assertThat(orphanDids()).contains(did);

        as("ops").postForObject(single(did), null, JsonNode.class);

        assertThat(orphanDids()).doesNotContain(did);
        assertThat(as("ops").getForObject("/api/reports/dids", JsonNode.class).findValuesAsText("did")).doesNotContain(did);
        assertThat(as("ops").getForObject("/api/reports/e911-audit", JsonNode.class).findValuesAsText("did")).doesNotContain(did);
        E911AuditRun run = audit.run();
        assertThat(jdbc.sql("SELECT count(*) FROM automation.e911_audit_finding WHERE run_id = :run AND did = :did")
                .param("run", run.id()).param("did", did).query(Long.class).single()).isZero();
    }

    private long removals() {
        return jdbc.sql("SELECT count(*) FROM automation.audit_log WHERE action = 'e911.orphan-deregistered'").query(Long.class).single();
    }

    private List<String> orphanDids() {
        return as("ops").getForObject("/api/reports/e911-orphans", JsonNode.class).findValuesAsText("did");
    }

    private String liveDid() {
        return jdbc.sql("SELECT did FROM automation.voip_line WHERE state = 'active' ORDER BY did LIMIT 1").query(String.class).single();
    }

    private static String single(String did) {
        return "/api/reports/e911-orphans/" + did + "/deregistration";
    }

    private static HttpEntity<Object> json(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
