package ca.gigafibre.automation.provisioning;

import ca.gigafibre.automation.customer.CustomerNo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockserver.model.HttpRequest.request;

import ca.gigafibre.automation.billing.run.BillingRunService;
import ca.gigafibre.automation.customer.CustomerRepository;
import ca.gigafibre.automation.customer.NewLocation;
import ca.gigafibre.automation.platform.time.BusinessTime;
import ca.gigafibre.automation.testing.EngineClockTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockserver.matchers.TimeToLive;
import org.mockserver.matchers.Times;
import org.mockserver.model.ClearType;
import org.mockserver.model.HttpResponse;
import org.mockserver.verify.VerificationTimes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * {@code deactivation} over the real BPMN on the engine clock: a cancellation takes the location's service down on its end
 * date (ONT, phone line, 911, IP, equipment, the customer told), not before; a withdrawn cancellation removes nothing; the
 * 911 provider down ends in an incident and, resumed, each system is called once per removal; a suspended account loses
 * its (already disabled) ONT at once. A closed location bills nothing after its end date (its other subscriptions end with
 * it), a suspended account left with nothing in service ends its suspension as deactivated, and moving out then in with
 * the same line leaves nothing stale in the DID report, the 911 audit or the network reconciliation, which also reports
 * what a finished deactivation removed when it comes back.
 */
class DeactivationProcessTest extends EngineClockTest {

    private static final AtomicInteger NEXT = new AtomicInteger(100);

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    BillingRunService runs;

    @Autowired
    NetworkReconciliation reconciliation;

    @Autowired
    CustomerRepository customerRows;

    private String customer;
    private String location;
    private String serial;
    private String did;
    private String internet;
    private LocalDate end;

    @BeforeEach
    void aCustomerWithFibreAndAPhoneLine() {
        jdbc.sql("""
                INSERT INTO automation.plan (sku, name_fr, name_en, price, billing_frequency, category, download_mbps, upload_mbps)
                VALUES ('TEST-DEACT-FIB', 'Fibre test', 'Test fibre', 50.00, 'monthly', 'internet', 100, 100) ON CONFLICT (sku) DO NOTHING
                """).update();
        customer = customers.create("Deact", false, false, false);
        location = jdbc.sql("SELECT l.location_no FROM automation.service_location l JOIN automation.customer c ON c.id = l.customer_id WHERE c.customer_no = :c")
                .param("c", customer).query(String.class).single();
        serial = customers.installOnt(customer, fakes);
        internet = as("ops").postForObject("/api/customers/" + customer + "/subscriptions", Map.of("sku", "TEST-DEACT-FIB",
                "locationId", location, "startDate", start.minusDays(60).toString()), JsonNode.class).path("id").asText();
        did = "45066" + String.format("%05d", NEXT.incrementAndGet() + Integer.parseInt(customer.replace("C-", "")) % 900 * 100);
        jdbc.sql("""
                INSERT INTO automation.voip_line (did, customer_id, location_id, caller_id_name, state, e911_synced)
                SELECT :did, c.id, l.id, 'DEACT TEST', 'active', true FROM automation.customer c
                JOIN automation.service_location l ON l.customer_id = c.id WHERE c.customer_no = :c
                """).param("did", did).param("c", customer).update();
        jdbc.sql("""
                INSERT INTO automation.e911_address (did, customer_id, first_name, last_name, street_number, street_name, city, postal_code,
                                                     provider_status, verified_at)
                SELECT :did, id, 'Test', 'Deact', '12', 'Rue Principale', 'Granby', 'J2G 1A1', 'provisioned', now()
                FROM automation.customer WHERE customer_no = :c
                """).param("did", did).param("c", customer).update();
        fakes.preloadLine(did, "DEACT TEST", "active");
        fakes.preloadE911(did, Map.of("firstName", "Test", "lastName", "Deact", "streetNumber", "12", "streetName", "Rue Principale",
                "city", "Granby", "province", "QC", "postalCode", "J2G 1A1", "serviceClass", "RES"));
        jdbc.sql("""
                INSERT INTO automation.ip_assignment (customer_id, location_id, ip, assigned_at)
                SELECT c.id, l.id, CAST(:ip AS inet), :at FROM automation.customer c
                JOIN automation.service_location l ON l.customer_id = c.id WHERE c.customer_no = :c
                """).param("ip", "100.64." + (NEXT.get() % 250) + "." + (Integer.parseInt(customer.replace("C-", "")) % 250 + 2))
                .param("at", BusinessTime.now().minusDays(60)).param("c", customer).update();
        end = clock.nextCutDay(start.plusDays(3));
    }

    @Test
    void onItsEndDateTheServiceIsTakenDownAndNotBefore() {
        cancel(internet, end);
        String key = "DEACT-" + location;
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("deactivation").processInstanceBusinessKey(key).count()).isOne();

        clock.at(end.minusDays(1));
        assertThat(jobs.runDue(key)).isEmpty();
        nothingRemoved();

        clock.at(end);
        assertThat(jobs.runDue(key)).isEmpty();
        // the ONT is off on the end date, kept disabled on the OLT through the grace period
        fakes.server().verify(request().withMethod("PATCH").withPath("/olt/v1/onts/" + serial), VerificationTimes.once());
        assertThat(fake("olt", "/v1/onts/" + serial).path("state").asText()).isEqualTo("disabled");
        assertThat(status("/pbx/v1/lines/" + did)).isEqualTo(404);
        assertThat(status("/e911/v1/subscribers/" + did)).isEqualTo(404);
        fakes.server().verify(request().withMethod("DELETE").withPath("/e911/v1/subscribers/" + did),
                request().withMethod("GET").withPath("/e911/v1/subscribers/" + did));
        assertThat(jdbc.sql("SELECT state FROM automation.voip_line WHERE did = :d").param("d", did).query(String.class).single()).isEqualTo("cancelled");
        assertThat(jdbc.sql("SELECT count(*) FROM automation.e911_address WHERE did = :d").param("d", did).query(Long.class).single()).isZero();
        OffsetDateTime released = jdbc.sql("""
                SELECT a.released_at FROM automation.ip_assignment a JOIN automation.service_location l ON l.id = a.location_id
                WHERE l.location_no = :l""").param("l", location).query((rs, n) -> BusinessTime.read(rs, "released_at")).single();
        assertThat(released.toLocalDate()).isEqualTo(end);
        assertThat(as("ops").getForObject("/api/customers/" + customer + "/ip-history", JsonNode.class).get(0).path("releasedAt").isNull()).isFalse();
        assertThat(equipmentStatus()).isEqualTo("to-return");
        assertThat(jdbc.sql("""
                SELECT n.state FROM automation.notification n JOIN automation.customer c ON c.id = n.customer_id
                WHERE c.customer_no = :c AND n.kind = 'service-deactivated'""").param("c", customer).query(String.class).list())
                .containsExactly("sent");

        Task collect = tasks.createTaskQuery().processInstanceBusinessKey(key).singleResult();
        assertThat(collect.getName()).isEqualTo("Récupérer l'équipement / Collect the equipment — Test Deact");
        assertThat(tasks.createTaskQuery().taskId(collect.getId()).taskCandidateGroup("ops").count()).isOne();
        assertThat((String) tasks.getVariable(collect.getId(), "equipmentToReturn")).contains(serial);
        tasks.complete(collect.getId(), Map.of("equipmentOutcome", "customer-keeps", "equipmentNote", "Client garde le routeur"));
        assertThat(equipmentStatus()).isEqualTo("kept");

        clock.at(clock.nextCutDay(end.plusDays(31)));
        assertThat(jobs.runDue(key)).isEmpty();
        assertThat(status("/olt/v1/onts/" + serial)).isEqualTo(404);
        fakes.server().verify(request().withMethod("DELETE").withPath("/olt/v1/onts/" + serial), VerificationTimes.once());
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).count()).isZero();
        assertThat(jdbc.sql("SELECT status || ' ' || equipment_outcome FROM automation.deactivation WHERE business_key = :k")
                .param("k", key).query(String.class).single()).isEqualTo("done customer-keeps");
    }

    @Test
    void aCancellationWithdrawnBeforeItsEndDateRemovesNothing() {
        cancel(internet, end);
        String key = "DEACT-" + location;

        ResponseEntity<JsonNode> withdrawn = as("ops").exchange("/api/subscriptions/" + internet + "/cancellation", HttpMethod.DELETE, null,
                JsonNode.class);
        assertThat(withdrawn.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(withdrawn.getBody().path("status").asText()).isEqualTo("active");
        assertThat(withdrawn.getBody().hasNonNull("endDate")).isFalse();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).count()).isZero();
        assertThat(jdbc.sql("SELECT status FROM automation.deactivation WHERE business_key = :k").param("k", key).query(String.class).list())
                .containsExactly("withdrawn");

        clock.at(end);
        assertThat(jobs.runDue(key)).isEmpty();
        nothingRemoved();
        assertThat(fake("olt", "/v1/onts/" + serial).path("state").asText()).isEqualTo("enabled");
        assertThat(equipmentStatus()).isEqualTo("installed");

        // a second withdrawal finds nothing to withdraw
        assertThat(as("ops").exchange("/api/subscriptions/" + internet + "/cancellation", HttpMethod.DELETE, null, JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void the911ProviderDownIsRetriedThenAnIncidentThenResumedEachSystemCalledOnce() {
        String down = fakes.server().when(request().withMethod("DELETE").withPath("/e911/v1/subscribers/" + did), Times.unlimited(),
                TimeToLive.unlimited(), 10).respond(HttpResponse.response().withStatusCode(503))[0].getId();
        cancel(internet, end);
        String key = "DEACT-" + location;
        clock.at(end);

        int failures = jobs.runDue(key).size();
        while (jobs.incidents(key).isEmpty() && failures < 10) {
            try {
                jobs.force(jobs.jobs(key).stream().filter(j -> j.getExceptionMessage() != null).findFirst().orElseThrow());
            } catch (Exception expected) {
                failures++;
            }
        }
        List<Incident> incidents = jobs.incidents(key);
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).getActivityId()).isEqualTo("Task_Deregister911");   // its own job, not the loop's
        assertThat(incidents.get(0).getIncidentMessage()).contains("e911").contains("503");
        assertThat(failures).isEqualTo(3);   // R3: three tries, then the incident
        assertThat(status("/e911/v1/subscribers/" + did)).isEqualTo(200);

        fakes.server().clear(down, ClearType.EXPECTATIONS);   // the provider is back
        Job failed = jobs.jobs(key).stream().filter(j -> j.getExceptionMessage() != null).findFirst().orElseThrow();
        management.setJobRetries(failed.getId(), 1);           // "Retry" in Cockpit
        jobs.force(failed);
        assertThat(jobs.runDue(key)).isEmpty();
        assertThat(jobs.incidents(key)).isEmpty();

        assertThat(status("/e911/v1/subscribers/" + did)).isEqualTo(404);
        fakes.server().verify(request().withMethod("PATCH").withPath("/olt/v1/onts/" + serial), VerificationTimes.once());
        fakes.server().verify(request().withMethod("DELETE").withPath("/pbx/v1/lines/" + did), VerificationTimes.once());
        fakes.server().verify(request().withMethod("DELETE").withPath("/e911/v1/subscribers/" + did), VerificationTimes.exactly(4));
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(key).taskNameLike("Récupérer l'équipement / Collect the equipment — %").count()).isOne();
    }

    @Test
    void aSuspendedAccountLosesItsDisabledOntAtOnce() {
        jdbc.sql("""
                INSERT INTO automation.suspension (customer_id, started_at, reason) SELECT id, :at, 'non-payment'
                FROM automation.customer WHERE customer_no = :c""").param("at", BusinessTime.now().minusDays(10)).param("c", customer).update();
        fakes.preloadOnt(serial, "OLT-EAST", "1/2/3", customer, "disabled");
        cancel(internet, end);
        String key = "DEACT-" + location;

        clock.at(end);
        assertThat(jobs.runDue(key)).isEmpty();

        assertThat(status("/olt/v1/onts/" + serial)).isEqualTo(404);
        fakes.server().verify(request().withMethod("DELETE").withPath("/olt/v1/onts/" + serial), VerificationTimes.once());
        fakes.server().verify(request().withMethod("PATCH").withPath("/olt/v1/onts/" + serial), VerificationTimes.never());
        assertThat(status("/pbx/v1/lines/" + did)).isEqualTo(404);
        assertThat(status("/e911/v1/subscribers/" + did)).isEqualTo(404);
        // only the return task is left: no grace timer for an ONT already gone
        assertThat(runtime.getVariable(runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).singleResult().getId(),
                "ontAwaitingRemoval")).isEqualTo(false);
        Task collect = tasks.createTaskQuery().processInstanceBusinessKey(key).singleResult();
        tasks.complete(collect.getId(), Map.of("equipmentOutcome", "returned"));
        assertThat(equipmentStatus()).isEqualTo("returned");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).count()).isZero();
    }

    @Test
    void aPhoneLineCancellationTakesDownThatLineOnly() {
        String line = phoneLineSubscription();
        cancel(line, end);
        String key = "DEACT-" + did;
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("DEACT-" + location).count()).isZero();

        clock.at(end);
        assertThat(jobs.runDue(key)).isEmpty();
        assertThat(status("/pbx/v1/lines/" + did)).isEqualTo(404);
        assertThat(status("/e911/v1/subscribers/" + did)).isEqualTo(404);
        assertThat(fake("olt", "/v1/onts/" + serial).path("state").asText()).isEqualTo("enabled");
        assertThat(equipmentStatus()).isEqualTo("installed");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).count()).isZero();
    }

    @Test
    void aClosedLocationsOtherSubscriptionsEndWithItAndNothingIsBilledAfterItsEndDate() {
        String line = phoneLineSubscription();
        YearMonth month = YearMonth.from(end);
        runs.execute(month);                  // billed in advance, through the end of the next month, before the move
        runs.execute(month.plusMonths(1));
        cancel(internet, end);
        String key = "DEACT-" + location;

        clock.at(end);
        assertThat(jobs.runDue(key)).isEmpty();

        assertThat(jdbc.sql("SELECT status || ' ' || end_date FROM automation.subscription WHERE subscription_no = :s")
                .param("s", line).query(String.class).single()).isEqualTo("cancelled " + end);
        // the line went down once, with its location: no deactivation of its own
        assertThat(jdbc.sql("SELECT count(*) FROM automation.deactivation WHERE business_key = :k").param("k", "DEACT-" + did)
                .query(Long.class).single()).isZero();
        fakes.server().verify(request().withMethod("DELETE").withPath("/pbx/v1/lines/" + did), VerificationTimes.once());

        runs.execute(month.plusMonths(2));
        // the next run bills no day after the end date at that location, and credits every day of the phone line after it
        assertThat(jdbc.sql("""
                SELECT count(*) FROM automation.invoice_line l JOIN automation.subscription s ON s.id = l.subscription_id
                JOIN automation.service_location loc ON loc.id = s.location_id
                WHERE loc.location_no = :loc AND l.amount > 0 AND l.period_end > :end
                  AND l.invoice_id IN (SELECT i.id FROM automation.invoice i JOIN automation.billing_run r ON r.id = i.billing_run_id
                                       WHERE r.period = :next)
                """).param("loc", location).param("end", end).param("next", month.plusMonths(2).toString())
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                SELECT l.description FROM automation.invoice_line l JOIN automation.subscription s ON s.id = l.subscription_id
                WHERE s.subscription_no = :s AND l.amount < 0 ORDER BY l.period_start
                """).param("s", line).query(String.class).list()).first().asString().contains("crédit du " + end.plusDays(1));
        // the month billed in advance after the end date: billed, then credited to the cent
        assertThat(jdbc.sql("""
                SELECT count(*) || ' ' || sum(l.amount) FROM automation.invoice_line l JOIN automation.subscription s ON s.id = l.subscription_id
                WHERE s.subscription_no = :s AND l.period_start = :first
                """).param("s", line).param("first", month.plusMonths(1).atDay(1)).query(String.class).single()).isEqualTo("2 0.00");
        assertThat(jdbc.sql("SELECT billed_through FROM automation.subscription WHERE subscription_no = :s").param("s", line)
                .query(LocalDate.class).single()).isEqualTo(end);
    }

    @Test
    void aSuspendedAccountLeftWithNothingInServiceEndsItsSuspensionAsDeactivatedNotReactivated() {
        jdbc.sql("""
                INSERT INTO automation.suspension (customer_id, started_at, reason) SELECT id, :at, 'non-payment'
                FROM automation.customer WHERE customer_no = :c""").param("at", BusinessTime.now().minusDays(10)).param("c", customer).update();
        jdbc.sql("UPDATE automation.customer SET status = 'suspended' WHERE customer_no = :c").param("c", customer).update();
        fakes.preloadOnt(serial, "OLT-EAST", "1/2/3", customer, "disabled");
        cancel(internet, end);
        String key = "DEACT-" + location;

        clock.at(end.minusDays(1));
        assertThat(jobs.runDue(key)).isEmpty();
        assertThat(openSuspensions()).isOne();   // not before its end date

        clock.at(end);
        assertThat(jobs.runDue(key)).isEmpty();
        assertThat(openSuspensions()).isZero();
        assertThat(jdbc.sql("""
                SELECT s.end_reason FROM automation.suspension s JOIN automation.customer c ON c.id = s.customer_id WHERE c.customer_no = :c
                """).param("c", customer).query(String.class).list()).containsExactly("deactivated");
        assertThat(jdbc.sql("SELECT status FROM automation.customer WHERE customer_no = :c").param("c", customer).query(String.class).single())
                .isEqualTo("inactive");
        // not a reactivation: the ONT never enabled, only the deactivation told, nothing audited as reactivated
        fakes.server().verify(request().withMethod("PATCH").withPath("/olt/v1/onts/" + serial), VerificationTimes.never());
        assertThat(jdbc.sql("""
                SELECT n.kind FROM automation.notification n JOIN automation.customer c ON c.id = n.customer_id
                WHERE c.customer_no = :c AND n.kind LIKE 'service-%'
                """).param("c", customer).query(String.class).list()).containsExactly("service-deactivated");
        assertThat(jdbc.sql("SELECT action FROM automation.audit_log WHERE entity_ref = :c AND action LIKE 'customer.%' ORDER BY id")
                .param("c", customer).query(String.class).list()).contains("customer.suspension-ended").doesNotContain("customer.reactivated");
        // and nothing lifts it later: there is no suspension left to lift
        ResponseEntity<JsonNode> reactivate = as("ops").exchange("/api/customers/" + customer + "/suspension?reason=paid", HttpMethod.DELETE,
                null, JsonNode.class);
        assertThat(reactivate.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    }

    @Test
    void movingOutThenInWithTheSameLineLeavesNothingStaleInTheReports() {
        cancel(internet, end);
        String key = "DEACT-" + location;
        clock.at(end);
        assertThat(jobs.runDue(key)).isEmpty();

        // moving in: a new location for the same number, its 911 address follows
        long customerId = customerRows.idOf(CustomerNo.of(customer), "id");
        String moved = customerRows.insertLocation(customerId, new NewLocation("250", null, "Rue Dufferin", "Granby", "QC", "J2G 4X1",
                null, null, null, null));
        ResponseEntity<JsonNode> ordered = as("ops").postForEntity("/api/customers/" + customer + "/voip-lines",
                Map.of("did", did, "locationId", moved, "callerIdName", "DEACT TEST"), JsonNode.class);
        assertThat(ordered.getStatusCode().is2xxSuccessful()).isTrue();
        assertThat(jobs.runDue(did)).isEmpty();
        assertThat(status("/e911/v1/subscribers/" + did)).isEqualTo(200);
        assertThat(fake("e911", "/v1/subscribers/" + did).toString()).contains("Rue Dufferin");

        List<JsonNode> didRows = rowsFor(as("ops").getForObject("/api/reports/dids", JsonNode.class), "did", did);
        assertThat(didRows).hasSize(1);
        assertThat(didRows.get(0).path("locationId").asText()).isEqualTo(moved);
        assertThat(didRows.get(0).path("lineState").asText()).isEqualTo("active");
        assertThat(didRows.get(0).path("serviceAddress").asText()).contains("Rue Dufferin");
        assertThat(didRows.get(0).path("e911Address").asText()).contains("Rue Dufferin");
        assertThat(rowsFor(as("ops").getForObject("/api/reports/e911-audit", JsonNode.class), "did", did)).isEmpty();

        reconciliation.run();
        JsonNode drift = as("ops").getForObject("/api/reports/network-drift", JsonNode.class);
        assertThat(rowsFor(drift, "customerId", customer)).isEmpty();
        assertThat(rowsFor(drift, "ref", serial)).isEmpty();
        assertThat(rowsFor(drift, "ref", did)).isEmpty();
    }

    @Test
    void whatAFinishedDeactivationRemovedAndComesBackIsDrift() {
        cancel(internet, end);
        String key = "DEACT-" + location;
        clock.at(end);
        assertThat(jobs.runDue(key)).isEmpty();
        Task collect = tasks.createTaskQuery().processInstanceBusinessKey(key).singleResult();
        tasks.complete(collect.getId(), Map.of("equipmentOutcome", "returned", "equipmentNote", "Rapporté au comptoir"));
        clock.at(clock.nextCutDay(end.plusDays(31)));
        assertThat(jobs.runDue(key)).isEmpty();

        reconciliation.run();
        JsonNode clean = as("ops").getForObject("/api/reports/network-drift", JsonNode.class);
        assertThat(rowsFor(clean, "ref", serial)).isEmpty();
        assertThat(rowsFor(clean, "ref", did)).isEmpty();

        // someone puts them back by hand at the OLT and the PBX
        fakes.preloadOnt(serial, "OLT-EAST", "1/2/3", customer, "enabled");
        fakes.preloadLine(did, "DEACT TEST", "active");
        reconciliation.run();
        JsonNode drift = as("ops").getForObject("/api/reports/network-drift", JsonNode.class);
        List<JsonNode> ont = rowsFor(drift, "ref", serial);
        assertThat(ont).hasSize(1);
        assertThat(ont.get(0).path("system").asText() + " " + ont.get(0).path("expected").asText() + " " + ont.get(0).path("actual").asText())
                .isEqualTo("olt missing enabled");
        List<JsonNode> line = rowsFor(drift, "ref", did);
        assertThat(line).hasSize(1);
        assertThat(line.get(0).path("system").asText() + " " + line.get(0).path("expected").asText() + " " + line.get(0).path("actual").asText())
                .isEqualTo("pbx missing active");
    }

    /** A phone-line plan at the location, carrying the test's line. */
    private String phoneLineSubscription() {
        jdbc.sql("""
                INSERT INTO automation.plan (sku, name_fr, name_en, price, billing_frequency, category, phone_line)
                VALUES ('TEST-DEACT-VOIP', 'Ligne test', 'Test line', 20.00, 'monthly', 'phone', true) ON CONFLICT (sku) DO NOTHING
                """).update();
        String line = as("ops").postForObject("/api/customers/" + customer + "/subscriptions", Map.of("sku", "TEST-DEACT-VOIP",
                "locationId", location, "startDate", start.minusDays(60).toString()), JsonNode.class).path("id").asText();
        jdbc.sql("UPDATE automation.voip_line SET subscription_id = (SELECT id FROM automation.subscription WHERE subscription_no = :s) WHERE did = :d")
                .param("s", line).param("d", did).update();
        return line;
    }

    private long openSuspensions() {
        return jdbc.sql("""
                SELECT count(*) FROM automation.open_suspension s JOIN automation.customer c ON c.id = s.customer_id WHERE c.customer_no = :c
                """).param("c", customer).query(Long.class).single();
    }

    private static List<JsonNode> rowsFor(JsonNode rows, String field, String value) {
        List<JsonNode> found = new java.util.ArrayList<>();
        rows.forEach(row -> {
            if (row.path(field).asText().equals(value)) {
                found.add(row);
            }
        });
        return found;
    }

    private void cancel(String subscription, LocalDate endDate) {
        ResponseEntity<JsonNode> cancelled = as("ops").postForEntity("/api/subscriptions/" + subscription + "/cancellation",
                Map.of("endDate", endDate.toString(), "reason", "Déménagement"), JsonNode.class);
        assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private void nothingRemoved() {
        for (String method : List.of("DELETE", "PATCH")) {
            fakes.server().verify(request().withMethod(method).withPath("/olt/.*"), VerificationTimes.never());
            fakes.server().verify(request().withMethod(method).withPath("/pbx/.*"), VerificationTimes.never());
        }
        fakes.server().verify(request().withMethod("DELETE").withPath("/e911/.*"), VerificationTimes.never());
        assertThat(status("/pbx/v1/lines/" + did)).isEqualTo(200);
        assertThat(status("/e911/v1/subscribers/" + did)).isEqualTo(200);
    }

    private String equipmentStatus() {
        return jdbc.sql("SELECT status FROM automation.equipment WHERE serial = :s").param("s", serial).query(String.class).single();
    }

    private int status(String path) {
        try {
            return new org.springframework.web.client.RestTemplate().getForEntity("http://localhost:" + fakes.server().getLocalPort() + path,
                    String.class).getStatusCode().value();
        } catch (org.springframework.web.client.HttpStatusCodeException e) {
            return e.getStatusCode().value();
        }
    }

    private JsonNode fake(String system, String path) {
        return new org.springframework.web.client.RestTemplate().getForObject(fakes.baseUrl(system) + path, JsonNode.class);
    }
}
