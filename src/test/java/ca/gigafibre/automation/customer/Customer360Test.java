package ca.gigafibre.automation.customer;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.testing.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Customer 360 in one call: each section on a customer who has it, the paged lists, notes and the activity timeline. */
class Customer360Test extends IntegrationTest {

    @Autowired
    CustomerRepository customers;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Test
    void headerBadgesShowSuspensionArrangementAutoPayAndFlags() {
        String id = create("Badges", true);
        long customerId = customers.idOf(CustomerNo.of(id), "id");
        jdbc.sql("""
                INSERT INTO automation.suspension (customer_id, started_at, reason, note, requested_by, decided_by, effective_date)
                VALUES (:c, now() - interval '3 days', 'non-payment', 'Solde impayé', 'ops', 'superviseur', current_date - 3)
                """).param("c", customerId).update();
        jdbc.sql("""
                INSERT INTO automation.payment_arrangement (customer_id, amount, agreed_date, due_date, cutoff_date, status, staff)
                VALUES (:c, 150.00, :today, :today, :cutoff, 'open', 'ops')
                """).param("c", customerId).param("today", ca.gigafibre.automation.platform.time.BusinessTime.today())
                .param("cutoff", ca.gigafibre.automation.platform.time.BusinessTime.today().plusDays(5)).update();
        jdbc.sql("""
                INSERT INTO automation.payment_method (customer_id, kind, stripe_customer_id, stripe_payment_method_id, card_brand, card_last4, is_default)
                VALUES (:c, 'stripe-card', 'cus_360', 'pm_360', 'visa', '4242', true)
                """).param("c", customerId).update();
        jdbc.sql("""
                INSERT INTO automation.account_ppa_settings (customer_id, stripe_ppa, ppa_amount, ppa_amount_buffer) VALUES (:c, true, 120.00, 10.00)
                ON CONFLICT (customer_id) DO UPDATE SET stripe_ppa = true, ppa_amount = 120.00, ppa_amount_buffer = 10.00
                """).param("c", customerId).update();

        JsonNode badges = view(id).path("badges");

        assertThat(badges.path("vip").asBoolean()).isTrue();
        assertThat(badges.path("commercial").asBoolean()).isTrue();
        assertThat(badges.path("neverSuspend").asBoolean()).isTrue();
        assertThat(badges.path("suspended").path("reason").asText()).isEqualTo("non-payment");
        assertThat(badges.path("suspended").path("requestedBy").asText()).isEqualTo("ops");
        assertThat(badges.path("suspended").path("approvedBy").asText()).isEqualTo("superviseur");
        assertThat(badges.path("suspended").path("since").asText()).isNotEmpty();
        assertThat(badges.path("arrangement").path("amount").decimalValue()).isEqualByComparingTo("150.00");
        assertThat(badges.path("arrangement").path("daysToCutoff").asLong()).isEqualTo(5);
        assertThat(badges.path("arrangement").path("dueDate").asText())
                .isEqualTo(ca.gigafibre.automation.platform.time.BusinessTime.today().toString());
        assertThat(badges.path("autoPay").path("method").asText()).isEqualTo("stripe");
        assertThat(badges.path("autoPay").path("onFile").asText()).isEqualTo("visa 4242");
        assertThat(badges.path("autoPay").path("limit").decimalValue()).isEqualByComparingTo("120.00");
        assertThat(badges.path("autoPay").path("buffer").decimalValue()).isEqualByComparingTo("10.00");
    }

    @Test
    void aCustomerWithoutThemHasNoSuspensionArrangementOrAutoPayBadge() {
        JsonNode badges = view(create("SansBadge", false)).path("badges");

        assertThat(badges.has("suspended")).isFalse();
        assertThat(badges.has("arrangement")).isFalse();
        assertThat(badges.has("autoPay")).isFalse();
        assertThat(badges.path("vip").asBoolean()).isFalse();
    }

    @Test
    void locationsCarryTheirEquipmentAndLiveStatusLinkAndLinesTheir911Status() {
        String id = create("Lieux", false);
        long customerId = customers.idOf(CustomerNo.of(id), "id");
        String first = customers.locations(customerId).get(0).id();
        String second = customers.insertLocation(customerId, new NewLocation("88", null, "Rue Dufferin", "Granby", "QC", "J2G 4Y6",
                null, null, "OLT-EAST", "1/2/4"));
        jdbc.sql("""
                INSERT INTO automation.equipment (customer_id, location_id, kind, serial, mac, model, status)
                SELECT :c, l.id, v.kind, v.serial || :c, NULL, v.model, 'installed' FROM automation.service_location l,
                       (VALUES ('ont', 'ONT360-', 'HG8245'), ('router', 'RTR360-', 'Archer')) AS v(kind, serial, model)
                WHERE l.location_no = :loc
                """).param("c", customerId).param("loc", first).update();
        String did = String.format("5551%06d", customerId % 1_000_000);
        String missing = String.format("5552%06d", customerId % 1_000_000);
        String mismatch = String.format("5553%06d", customerId % 1_000_000);
        for (String line : List.of(did, missing, mismatch)) {
            jdbc.sql("""
                    INSERT INTO automation.voip_line (did, customer_id, location_id, state, e911_synced)
                    SELECT :did, :c, id, 'active', true FROM automation.service_location WHERE location_no = :loc
                    """).param("did", line).param("c", customerId).param("loc", first).update();
        }
        jdbc.sql("""
                INSERT INTO automation.e911_address (did, customer_id, street_number, street_name, city, province, postal_code, provider_status, verified_at)
                VALUES (:did, :c, '12', 'Rue Principale', 'Granby', 'QC', 'J2G 1A1', 'provisioned', now()),
                       (:other, :c, '99', 'Rue Ailleurs', 'Granby', 'QC', 'J2G 1A1', 'provisioned', now())
                """).param("did", did).param("other", mismatch).param("c", customerId).update();

        JsonNode view = view(id);

        JsonNode locations = view.path("locations");
        assertThat(locations).hasSize(2);
        assertThat(locations.get(0).path("id").asText()).isEqualTo(first);
        assertThat(locations.get(0).path("connection").asText()).isEqualTo("/api/customers/" + id + "/connection?locationId=" + first);
        assertThat(locations.get(0).path("related").path("equipment").findValuesAsText("kind")).containsExactly("ont", "router");
        assertThat(locations.get(1).path("id").asText()).isEqualTo(second);
        assertThat(locations.get(1).path("related").path("equipment")).isEmpty();
        Map<String, String> statuses = new HashMap<>();
        view.path("related").path("voipLines").forEach(line -> statuses.put(line.path("did").asText(), line.path("syncStatus").asText()));
        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(did, "synced", missing, "missing", mismatch, "mismatch"));
        JsonNode synced = StreamSupport.stream(view.path("related").path("voipLines").spliterator(), false)
                .filter(line -> line.path("did").asText().equals(did)).findFirst().orElseThrow();
        assertThat(synced.path("e911Address").asText()).contains("12 Rue Principale");
    }

    @Test
    void ticketsWorkOrdersWithHoursIpAndAddressHistory() {
        String id = create("Historique", false);
        long customerId = customers.idOf(CustomerNo.of(id), "id");
        String location = customers.locations(customerId).get(0).id();
        assertThat(as("ops").exchange("/api/locations/" + location + "/address", HttpMethod.PUT, new HttpEntity<>(Map.of(
                "streetNumber", "300", "streetName", "Rue Saint-Jacques", "city", "Granby", "postalCode", "J2G 3N1")), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        long ticket = jdbc.sql("""
                INSERT INTO automation.ticket (customer_id, location_id, subject, priority, status)
                SELECT :c, id, 'Pas d''internet', 'high', 'open' FROM automation.service_location WHERE location_no = :loc RETURNING id
                """).param("c", customerId).param("loc", location).query(Long.class).single();
        long order = jdbc.sql("""
                INSERT INTO automation.work_order (customer_id, ticket_id, work_date, outcome) VALUES (:c, :t, current_date, 'resolved') RETURNING id
                """).param("c", customerId).param("t", ticket).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO automation.work_order_technician (work_order_id, technician, arrived_at, departed_at)
                VALUES (:o, 'Marc Bélanger', now() - interval '3 hours', now() - interval '90 minutes'),
                       (:o, 'Julie Roy', now() - interval '3 hours', now() - interval '1 hour')
                """).param("o", order).update();
        jdbc.sql("""
                INSERT INTO automation.ip_assignment (customer_id, ip, assigned_at, released_at)
                VALUES (:c, CAST(:old AS inet), now() - interval '60 days', now() - interval '30 days'),
                       (:c, CAST(:new AS inet), now() - interval '30 days', NULL)
                """).param("c", customerId).param("old", ip(customerId, 1)).param("new", ip(customerId, 2)).update();

        JsonNode related = view(id).path("related");

        assertThat(related.path("tickets").findValuesAsText("subject")).containsExactly("Pas d'internet");
        assertThat(related.path("tickets").get(0).path("locationId").asText()).isEqualTo(location);
        JsonNode workOrder = related.path("workOrders").get(0);
        assertThat(related.path("workOrders")).hasSize(1);
        assertThat(workOrder.path("technicians").findValuesAsText("name")).containsExactly("Marc Bélanger", "Julie Roy");
        assertThat(workOrder.path("hours").decimalValue()).isEqualByComparingTo("3.50");
        assertThat(related.path("ipHistory").findValuesAsText("ip")).containsExactly(ip(customerId, 2), ip(customerId, 1));
        assertThat(related.path("addressHistory")).hasSize(1);
        assertThat(related.path("addressHistory").get(0).path("address").asText()).startsWith("12 Rue Principale");
        assertThat(related.path("addressHistory").get(0).path("locationId").asText()).isEqualTo(location);
        assertThat(related.has("subscriptions")).isTrue();
        assertThat(related.has("quotes")).isTrue();
    }

    @Test
    void latestInvoicesAndPaymentsAndTheirPagedListsInAStableOrder() {
        String id = create("Factures", false);
        long customerId = customers.idOf(CustomerNo.of(id), "id");
        jdbc.sql("""
                INSERT INTO automation.invoice (customer_id, issue_date, due_date, subtotal, tps, tvq, total, amount_paid, status)
                SELECT :c, current_date - 30 * g, current_date - 30 * g + 20, 10 + g, 0, 0, 10 + g, 10 + g, 'paid'
                FROM generate_series(1, 12) g
                """).param("c", customerId).update();
        // two payments received at the same instant: the id breaks the tie, the same way on every page
        jdbc.sql("""
                INSERT INTO automation.payment (customer_id, received_at, amount, method, reference)
                SELECT :c, date_trunc('day', now()) - interval '1 day' * (g / 2), 5 + g, 'cheque', 'CHQ-' || g FROM generate_series(1, 3) g
                """).param("c", customerId).update();

        JsonNode related = view(id).path("related");
        assertThat(related.path("invoices").path("total").asLong()).isEqualTo(12);
        assertThat(related.path("invoices").path("items")).hasSize(10);
        assertThat(related.path("invoices").path("items").get(0).path("total").decimalValue()).isEqualByComparingTo("11.00");
        assertThat(related.path("payments").path("total").asLong()).isEqualTo(3);

        List<String> all = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            JsonNode answer = as("analyst").getForObject("/api/customers/{id}/invoices?page={p}&size=5", JsonNode.class, id, page);
            assertThat(answer.path("total").asLong()).isEqualTo(12);
            assertThat(answer.path("page").asInt()).isEqualTo(page);
            assertThat(answer.path("items")).hasSize(page < 2 ? 5 : 2);
            all.addAll(answer.path("items").findValuesAsText("id"));
        }
        assertThat(all).doesNotHaveDuplicates().hasSize(12);
        assertThat(all).isEqualTo(jdbc.sql("SELECT invoice_no FROM automation.invoice WHERE customer_id = :c ORDER BY issue_date DESC, id DESC")
                .param("c", customerId).query(String.class).list());
        assertThat(as("ops").getForObject("/api/customers/{id}/invoices?page=3&size=5", JsonNode.class, id).path("items")).isEmpty();

        JsonNode first = as("ops").getForObject("/api/customers/{id}/payments?page=0&size=2", JsonNode.class, id);
        JsonNode second = as("ops").getForObject("/api/customers/{id}/payments?page=1&size=2", JsonNode.class, id);
        assertThat(first.path("total").asLong()).isEqualTo(3);
        assertThat(first.path("items").findValuesAsText("reference")).containsExactly("CHQ-1", "CHQ-3");
        assertThat(second.path("items").findValuesAsText("reference")).containsExactly("CHQ-2");

        ResponseEntity<JsonNode> tooBig = as("ops").getForEntity("/api/customers/{id}/invoices?size=1000", JsonNode.class, id);
        assertThat(tooBig.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooBig.getBody().path("errors").findValuesAsText("field")).containsExactly("size");
        assertThat(as("ops").getForEntity("/api/customers/C-99999999/payments", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void opsWriteNotesAsThemselvesAnalystsReadThemAndBadNotesAreNamed() {
        String id = create("Notes", false);
        String text = "Client rappelé : préfère être joint après 17 h — « pas de texto »";

        ResponseEntity<JsonNode> written = as("ops").postForEntity("/api/customers/{id}/notes", Map.of("text", text), JsonNode.class, id);

        assertThat(written.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(written.getBody().path("author").asText()).isEqualTo("ops");
        assertThat(written.getBody().path("text").asText()).isEqualTo(text);
        JsonNode listed = as("analyst").getForObject("/api/customers/{id}/notes", JsonNode.class, id);
        assertThat(listed.path("total").asLong()).isEqualTo(1);
        assertThat(listed.path("items").get(0).path("text").asText()).isEqualTo(text);
        assertThat(view(id).path("related").path("notes").findValuesAsText("text")).containsExactly(text);

        assertThat(as("analyst").postForEntity("/api/customers/{id}/notes", Map.of("text", "non"), JsonNode.class, id).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        for (String bad : List.of("   ", "x".repeat(4001))) {
            ResponseEntity<JsonNode> refused = as("ops").postForEntity("/api/customers/{id}/notes", Map.of("text", bad), JsonNode.class, id);
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody().path("errors").findValuesAsText("field")).containsExactly("text");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM automation.customer_note n JOIN automation.customer c ON c.id = n.customer_id WHERE c.customer_no = :id")
                .param("id", id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void timelineMergesDecisionsAuditMessagesAndProcessMilestonesNewestFirstBoundedToFifty() {
        String id = create("Chronologie", false);
        long customerId = customers.idOf(CustomerNo.of(id), "id");
        as("ops").postForEntity("/api/customers/{id}/notes", Map.of("text", "Appel entrant"), JsonNode.class, id);
        jdbc.sql("""
                INSERT INTO automation.decision_log (decided_at, area, customer_id, subject_ref, outcome, facts, rules_fired, ruleset_version,
                                                     explanation_fr, explanation_en)
                VALUES (now() - interval '1 hour', 'suspension', :c, :no, 'wait', '{}', ARRAY['open arrangement'], 'test',
                        'Une entente est en cours', 'An arrangement is open')
                """).param("c", customerId).param("no", id).update();
        jdbc.sql("""
                INSERT INTO automation.notification (natural_key, customer_id, kind, channel, state, requested_at, sent_at)
                SELECT 'timeline-' || :no || '-' || g, :c, 'overdue-reminder', 'sms', 'sent', now() - interval '1 day' * (g + 1),
                       now() - interval '1 day' * (g + 1) FROM generate_series(1, 60) g
                """).param("c", customerId).param("no", id).update();
        String key = "timeline-test";
        if (repository.createProcessDefinitionQuery().processDefinitionKey(key).count() == 0) {
            repository.createDeployment().name(key).addModelInstance(key + ".bpmn", Bpmn.createExecutableProcess(key)
                    .name("Essai de chronologie / Timeline trial").camundaHistoryTimeToLive(1).startEvent()
                    .userTask("Task_Call").name("Appeler le client / Call the customer").camundaCandidateGroups("ops").endEvent().done()).deploy();
        }
        String instance = runtime.startProcessInstanceByKey(key, id).getId();
        tasks.complete(tasks.createTaskQuery().processInstanceId(instance).singleResult().getId());

        JsonNode timeline = view(id).path("related").path("timeline");

        assertThat(timeline).hasSize(50);
        List<OffsetDateTime> times = StreamSupport.stream(timeline.spliterator(), false)
                .map(entry -> OffsetDateTime.parse(entry.path("at").asText())).toList();
        assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        Set<String> sources = StreamSupport.stream(timeline.spliterator(), false).map(e -> e.path("source").asText()).collect(Collectors.toSet());
        assertThat(sources).containsExactlyInAnyOrder("decision", "audit", "message", "process");
        List<String> kinds = timeline.findValuesAsText("kind");
        assertThat(kinds).contains("process.started", "task.completed", "process.ended", "customer.created", "customer.note-added",
                "suspension.wait");
        // 50 = 3 milestones + 2 audit entries + 1 decision + the 44 newest of the 60 messages
        assertThat(kinds.stream().filter("overdue-reminder"::equals).count()).isEqualTo(44);
    }

    private String create(String lastName, boolean flagged) {
        Map<String, Object> body = CustomerApiTest.customer(lastName + "-360", "J2G 1A1");
        ((Map<String, Object>) body.get("location")).put("streetNumber", "12");
        if (flagged) {
            body.put("vip", true);
            body.put("commercial", true);
            body.put("neverSuspend", true);
        }
        return as("ops").postForObject("/api/customers", body, JsonNode.class).path("id").asText();
    }

    private JsonNode view(String id) {
        ResponseEntity<JsonNode> answer = as("analyst").getForEntity("/api/customers/{id}", JsonNode.class, id);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private static String ip(long customerId, int n) {
        return "198.19." + (customerId / 256 % 256) + "." + (customerId % 256 + n) % 256;
    }
}
