package ca.gigafibre.automation.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockserver.model.HttpRequest.request;

import ca.gigafibre.automation.adapter.fake.FakeExternalSystems;
import ca.gigafibre.automation.testing.BusinessDayClock;
import ca.gigafibre.automation.testing.IntegrationTest;
import ca.gigafibre.automation.testing.Jobs;
import ca.gigafibre.automation.testing.TestCustomers;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockserver.matchers.TimeToLive;
import org.mockserver.matchers.Times;
import org.mockserver.model.HttpResponse;
import org.mockserver.model.JsonBody;
import org.mockserver.model.MediaType;
import org.mockserver.verify.VerificationTimes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * support-resolution over the real BPMN on the engine clock, with GenieACS and the OLT faked at the HTTP level:
 * triage, remote fix, dispatch with ranked technicians, work order, billable labour, SLA escalation, incidents.
 */
class SupportResolutionTest extends IntegrationTest {

    /** A Tuesday in March 2027, 10:00: a business day, inside the notification window. */
    private static final LocalDate DAY = LocalDate.of(2027, 3, 9);

    @Autowired
    FakeExternalSystems fakes;

    @Autowired
    Jobs jobs;

    @Autowired
    TestCustomers customers;

    @Autowired
    TaskService tasks;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Autowired
    ManagementService management;

    @Autowired
    BusinessDayClock clock;

    private String customer;
    private String location;
    private String ont;

    @BeforeEach
    void aCustomerWithAnInstalledOnt() {
        fakes.reset();
        clock.at(DAY);
        jdbc.sql("""
                INSERT INTO automation.plan (sku, name_fr, name_en, price, billing_frequency, category)
                VALUES ('SUP-RTR', 'Routeur Wi-Fi 6 (vente)', 'Wi-Fi 6 router (sale)', 149.00, 'one-time', 'equipment') ON CONFLICT (sku) DO NOTHING
                """).update();
        customer = customers.create("Billet", false, false, false);
        location = as("ops").getForObject("/api/customers/" + customer, JsonNode.class).path("locations").get(0).path("id").asText();
        ont = customers.installOnt(customer, fakes);
        // a port of its own: tickets of other tests on a shared port would look like an outage to the triage
        jdbc.sql("UPDATE automation.service_location SET olt_port = :port WHERE location_no = :no")
                .param("port", "7/" + ont.substring(4, 8) + "/" + ont.substring(8)).param("no", location).update();
    }

    @AfterEach
    void realClock() {
        clock.reset();
    }

    @Test
    void noInternetIsFixedRemotelyByARebootAndTheCustomerIsTold() {
        ResponseEntity<JsonNode> opened = as("ops").postForEntity("/api/tickets", Map.of("customerId", customer, "locationId", location,
                "type", "no-internet", "description", "Plus d'internet depuis ce matin", "channel", "phone"), JsonNode.class);

        assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String ticket = opened.getBody().path("id").asText();
        assertThat(ticket).matches("TCK-\\d{6,}");
        assertThat(jobs.runDue(ticket)).isEmpty();

        JsonNode triaged = as("ops").getForObject("/api/tickets/" + ticket, JsonNode.class);
        assertThat(triaged.path("priority").asText()).isEqualTo("high");
        assertThat(triaged.path("requiredSkill").asText()).isEqualTo("fibre");
        assertThat(OffsetDateTime.parse(triaged.path("slaDueAt").asText()).toLocalDateTime()).isEqualTo(DAY.atTime(18, 0));   // 10:00 + 8 business hours
        assertThat(triaged.path("diagnosis").asText()).contains("ONT " + ont, "-19.4 dBm", "Signal bon", "en ligne", "Redémarrage du CPE");
        fakes.server().verify(request().withMethod("POST").withPath("/genieacs/devices/.*/tasks").withBody(JsonBody.json("{\"name\":\"reboot\"}")),
                VerificationTimes.once());

        moveClockMinutes(3);   // the CPE informs again after its reboot; the engine checks after 2 minutes
        assertThat(jobs.runDue(ticket)).isEmpty();

        JsonNode resolved = as("ops").getForObject("/api/tickets/" + ticket, JsonNode.class);
        assertThat(resolved.path("status").asText()).isEqualTo("resolved");
        assertThat(resolved.path("resolution").asText()).startsWith("Réglé à distance / Fixed remotely");
        assertThat(ended(ticket)).isEqualTo("End_TicketResolved");
        assertThat(jdbc.sql("SELECT state FROM automation.notification WHERE natural_key = :key").param("key", "ticket-resolved:" + ticket)
                .query(String.class).single()).isEqualTo("sent");
        assertThat(jdbc.sql("SELECT count(*) FROM automation.dispatch_job j JOIN automation.ticket t ON t.id = j.ticket_id WHERE t.ticket_no = :no")
                .param("no", ticket).query(Long.class).single()).isZero();
    }

    @Test
    void anotherOpenTicketOnTheSameOltPortMakesAServiceProblemUrgentButNotABillingQuestion() {
        String first = open("slow");
        String neighbour = customers.create("Voisin", false, false, false);
        String port = jdbc.sql("SELECT olt_port FROM automation.service_location WHERE location_no = :no").param("no", location).query(String.class).single();
        jdbc.sql("UPDATE automation.service_location SET olt_port = :port WHERE customer_id = (SELECT id FROM automation.customer WHERE customer_no = :c)")
                .param("port", port).param("c", neighbour).update();

        JsonNode sameAddress = as("ops").postForObject("/api/tickets", Map.of("customerId", customer, "locationId", location, "type", "wifi"),
                JsonNode.class);
        JsonNode slow = as("ops").postForObject("/api/tickets", Map.of("customerId", neighbour, "type", "slow"), JsonNode.class);
        JsonNode billing = as("ops").postForObject("/api/tickets", Map.of("customerId", neighbour, "type", "billing"), JsonNode.class);

        assertThat(as("ops").getForObject("/api/tickets/" + first, JsonNode.class).path("priority").asText()).isEqualTo("normal");
        assertThat(sameAddress.path("priority").asText()).isEqualTo("normal");   // the same address twice is no outage
        assertThat(slow.path("priority").asText()).isEqualTo("urgent");
        assertThat(billing.path("priority").asText()).isEqualTo("normal");
    }

    @Test
    void aCriticalSignalIsDispatchedToTheBestTechnicianAndTheBillableVisitIsInvoiced() {
        fakes.server().when(request().withMethod("GET").withPath("/olt/v1/onts/" + ont), Times.unlimited(), TimeToLive.unlimited(), 10)
                .respond(HttpResponse.response().withStatusCode(200).withContentType(MediaType.APPLICATION_JSON)
                        .withBody("{\"serial\":\"" + ont + "\",\"oltId\":\"OLT-EAST\",\"port\":\"1/2/3\",\"state\":\"enabled\",\"rxPowerDbm\":-29.3}"));
        // the address and these technicians' base in Quebec City: any other technician (demo data) is far away
        jdbc.sql("UPDATE automation.service_location SET latitude = 46.8139, longitude = -71.2080 WHERE location_no = :no").param("no", location).update();
        String junior = technician("Junior Fibre " + ont, Map.of("fibre", 2));
        String senior = technician("Senior Fibre " + ont, Map.of("fibre", 5, "wifi", 3));
        String noFibre = technician("Wi-Fi Only " + ont, Map.of("wifi", 5));
        String ticket = open("no-internet");
        jobs.runDue(ticket);

        Task dispatch = task(ticket);
        assertThat(dispatch.getName()).isEqualTo("Répartir un technicien / Dispatch a technician — Test Billet");
        assertThat(String.valueOf(tasks.getVariable(dispatch.getId(), "diagnosis"))).contains("-29.3 dBm", "Signal critique");
        String suggestions = String.valueOf(tasks.getVariable(dispatch.getId(), "technicianSuggestions"));
        assertThat(suggestions.indexOf(senior)).isLessThan(suggestions.indexOf(junior));
        assertThat(suggestions.indexOf(junior)).isLessThan(suggestions.indexOf(noFibre));
        assertThat(suggestions).contains(senior + " — Senior Fibre " + ont + " (100) : niveau 5/5 en fibre, 0 rendez-vous ce jour-là, à 0.0 km");
        assertThat(tasks.getVariable(dispatch.getId(), "technicianId")).isEqualTo(senior);

        tasks.complete(dispatch.getId(), Map.of("appointmentDate", DAY.plusDays(1).toString(), "appointmentWindow", "am", "technicianId", senior));
        jobs.runDue(ticket);
        String job = (String) runtime.getVariable(processOf(ticket), "dispatchJobId");
        assertThat(jdbc.sql("SELECT kind || ' ' || status FROM automation.dispatch_job WHERE job_no = :no").param("no", job).query(String.class).single())
                .isEqualTo("repair scheduled");
        assertThat(jdbc.sql("SELECT state FROM automation.notification WHERE natural_key = :key").param("key", "appointment:" + job)
                .query(String.class).single()).isEqualTo("sent");
        assertThat(task(ticket).getName()).isEqualTo("Remplir le bon de travail / Log work order — Test Billet");

        String day = DAY.plusDays(1).toString();
        ResponseEntity<JsonNode> logged = as("ops").postForEntity("/api/tickets/" + ticket + "/work-orders", Map.of(
                "technicians", List.of(Map.of("technicianId", senior, "arrivedAt", day + "T10:00:00-05:00", "departedAt", day + "T11:30:00-05:00"),
                        Map.of("technicianId", junior, "arrivedAt", day + "T10:15:00-05:00", "departedAt", day + "T11:30:00-05:00")),
                "parts", List.of(Map.of("sku", "SUP-RTR", "quantity", 1)), "notes", "Fibre écrasée par un meuble, connecteur remplacé",
                "outcome", "resolved", "cause", "customer-damage"), JsonNode.class);
        assertThat(logged.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        jobs.runDue(ticket);

        assertThat(ended(ticket)).isEqualTo("End_TicketResolved");
        String invoiceNo = (String) history.createHistoricVariableInstanceQuery().processInstanceId(historicProcessOf(ticket))
                .variableName("labourInvoiceId").singleResult().getValue();
        JsonNode invoice = as("ops").getForObject("/api/invoices/" + invoiceNo, JsonNode.class);
        // senior 1.50 h × 95.00 = 142.50; junior 1.25 h × 95.00 = 118.75; router 149.00
        assertThat(invoice.path("lines").findValues("amount")).extracting(JsonNode::decimalValue).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("142.50"), new BigDecimal("118.75"), new BigDecimal("149.00"));
        assertThat(new BigDecimal(invoice.path("subtotal").asText())).isEqualByComparingTo("410.25");
        assertThat(new BigDecimal(invoice.path("tps").asText())).isEqualByComparingTo("20.51");
        assertThat(new BigDecimal(invoice.path("tvq").asText())).isEqualByComparingTo("40.92");
        assertThat(new BigDecimal(invoice.path("total").asText())).isEqualByComparingTo("471.68");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("billing-collections").processInstanceBusinessKey(invoiceNo).count())
                .isEqualTo(1);
        assertThat(as("ops").getForObject("/api/tickets/" + ticket, JsonNode.class).path("status").asText()).isEqualTo("resolved");

        JsonNode visits = as("ops").getForObject("/api/locations/" + location + "/visits", JsonNode.class);
        assertThat(visits.path("count").asInt()).isEqualTo(1);
        assertThat(visits.path("visits").get(0).path("workOrderId").asText()).isEqualTo(logged.getBody().path("id").asText());
        JsonNode hours = as("ops").getForObject("/api/technicians/" + senior + "/hours?customer=" + customer, JsonNode.class);
        assertThat(new BigDecimal(hours.path("hours").asText())).isEqualByComparingTo("1.50");
        assertThat(hours.path("visits").asInt()).isEqualTo(1);
    }

    @Test
    void aWorkOrderWithImpossibleTimesOrUnknownPartsIsRefusedAndNothingIsWritten() {
        String tech = technician("Times " + ont, Map.of("fibre", 3));
        String ticket = open("billing");
        long before = count("work_order");

        ResponseEntity<JsonNode> refused = as("ops").postForEntity("/api/tickets/" + ticket + "/work-orders", Map.of(
                "technicians", List.of(Map.of("technicianId", tech, "arrivedAt", "2027-03-10T11:00:00-05:00", "departedAt", "2027-03-10T10:00:00-05:00"),
                        Map.of("technicianId", "TECH-99999", "arrivedAt", "2027-03-10T10:00:00-05:00")),
                "parts", List.of(Map.of("sku", "NOPE", "quantity", 1), Map.of("sku", "SUP-RTR", "quantity", 0)), "outcome", "fixed"), JsonNode.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().path("errors").findValuesAsText("field")).containsExactly("technicians[0].departedAt",
                "technicians[1].technicianId", "technicians[1].departedAt", "parts[0].sku", "parts[1].quantity", "outcome");
        assertThat(count("work_order")).isEqualTo(before);
    }

    @Test
    void theWorkOrderFormRefusesADepartureBeforeTheArrival() {
        fakes.server().when(request().withMethod("GET").withPath("/olt/v1/onts/" + ont), Times.unlimited(), TimeToLive.unlimited(), 10)
                .respond(HttpResponse.response().withStatusCode(404));
        String tech = technician("Form " + ont, Map.of("fibre", 4));
        String ticket = open("no-internet");
        jobs.runDue(ticket);
        tasks.complete(task(ticket).getId(), Map.of("appointmentDate", DAY.toString(), "appointmentWindow", "pm", "technicianId", tech));
        jobs.runDue(ticket);
        Task workOrder = task(ticket);
        long before = count("work_order");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tasks.complete(workOrder.getId(), Map.of("tech1Id", tech,
                        "tech1ArrivedAt", "2027-03-09T14:00", "tech1DepartedAt", "2027-03-09T13:00", "workOutcome", "resolved", "workCause", "network")))
                .hasMessageContaining("technicians[0].departedAt: must be after arrivedAt");

        assertThat(task(ticket).getId()).isEqualTo(workOrder.getId());
        assertThat(count("work_order")).isEqualTo(before);
        tasks.complete(workOrder.getId(), Map.of("tech1Id", tech, "tech1ArrivedAt", "2027-03-09T13:00", "tech1DepartedAt", "2027-03-09T14:00",
                "workOutcome", "resolved", "workCause", "network", "partsUsed", "SUP-RTR x1"));
        jobs.runDue(ticket);
        assertThat(ended(ticket)).isEqualTo("End_TicketResolved");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(historicProcessOf(ticket)).variableName("billable")
                .singleResult().getValue()).isEqualTo(false);
    }

    @Test
    void aTicketPastItsSlaOpensASupervisorTaskAndGoesOn() {
        String ticket = open("billing");
        jobs.runDue(ticket);
        assertThat(task(ticket).getName()).isEqualTo("Traiter le billet / Handle the ticket — Test Billet");

        clock.at(DAY.plusDays(1));   // 24 business hours from Tuesday 10:00 end Thursday 10:00 (12 a day)
        jobs.runDue(ticket);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(ticket).count()).isEqualTo(1);

        clock.at(DAY.plusDays(2));
        moveClockMinutes(1);
        jobs.runDue(ticket);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(ticket).list()).extracting(Task::getName).containsExactlyInAnyOrder(
                "Traiter le billet / Handle the ticket — Test Billet", "Billet en retard sur l'entente de service / Ticket past its SLA — Test Billet");

        Task desk = tasks.createTaskQuery().processInstanceBusinessKey(ticket).taskDefinitionKey("UserTask_HandleAtDesk").singleResult();
        tasks.complete(desk.getId(), Map.of("resolution", "Crédit expliqué au client"));
        jobs.runDue(ticket);
        assertThat(as("ops").getForObject("/api/tickets/" + ticket, JsonNode.class).path("resolution").asText()).isEqualTo("Crédit expliqué au client");
    }

    @Test
    void aTicketPastItsSlaDuringTheVisitEscalatesOnTheTicketAndTheApiWorkOrderReachesTheWaitingVisit() {
        fakes.server().when(request().withMethod("GET").withPath("/olt/v1/onts/" + ont), Times.unlimited(), TimeToLive.unlimited(), 10)
                .respond(HttpResponse.response().withStatusCode(404));
        String tech = technician("Sla " + ont, Map.of("fibre", 4));
        String ticket = open("no-internet");
        jobs.runDue(ticket);
        tasks.complete(task(ticket).getId(), Map.of("appointmentDate", DAY.plusDays(1).toString(), "appointmentWindow", "am", "technicianId", tech));
        jobs.runDue(ticket);
        String visit = processOf(ticket, "support-work-order");
        assertThat(runtime.createProcessInstanceQuery().superProcessInstanceId(processOf(ticket)).singleResult().getId()).isEqualTo(visit);
        assertThat(task(ticket).getProcessInstanceId()).isEqualTo(visit);

        clock.at(DAY.plusDays(1));   // no-internet: 8 business hours from Tuesday 10:00 end Tuesday 18:00
        jobs.runDue(ticket);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(ticket).list()).extracting(Task::getName).containsExactlyInAnyOrder(
                "Remplir le bon de travail / Log work order — Test Billet", "Billet en retard sur l'entente de service / Ticket past its SLA — Test Billet");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(ticket).taskDefinitionKey("UserTask_SlaEscalation").singleResult()
                .getProcessInstanceId()).isEqualTo(processOf(ticket));

        String day = DAY.plusDays(1).toString();
        ResponseEntity<JsonNode> logged = as("ops").postForEntity("/api/tickets/" + ticket + "/work-orders", Map.of(
                "technicians", List.of(Map.of("technicianId", tech, "arrivedAt", day + "T08:30:00-05:00", "departedAt", day + "T09:30:00-05:00")),
                "notes", "ONT remplacé", "outcome", "resolved", "cause", "network"), JsonNode.class);
        assertThat(logged.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        jobs.runDue(ticket);

        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(visit).activityId("Boundary_WorkOrderLogged").count()).isEqualTo(1);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(visit).singleResult().getEndActivityId())
                .isEqualTo("End_WorkOrderDone");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(historicProcessOf(ticket)).variableName("workOrderId")
                .singleResult().getValue()).isEqualTo(logged.getBody().path("id").asText());
        JsonNode resolved = as("ops").getForObject("/api/tickets/" + ticket, JsonNode.class);
        assertThat(resolved.path("status").asText()).isEqualTo("resolved");
        assertThat(resolved.path("resolution").asText()).contains("ONT remplacé");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(ticket).list()).extracting(Task::getName)
                .containsExactly("Billet en retard sur l'entente de service / Ticket past its SLA — Test Billet");   // the supervisor's task stays
    }

    @Test
    void genieAcsDownIsRetriedThenAnIncidentThenRetriedSuccessfully() {
        fakes.server().when(request().withMethod("GET").withPath("/genieacs/devices/?"), Times.unlimited(), TimeToLive.unlimited(), 10)
                .respond(HttpResponse.response().withStatusCode(503).withBody("GenieACS is restarting"));
        String ticket = open("slow");
        jobs.runDue(ticket);   // the start, then the first diagnosis attempt fails

        int attempts = 1;
        while (jobs.incidents(ticket).isEmpty()) {
                Job job = diagnosisJob(ticket);
            try {
                jobs.force(job);
            } catch (Exception expected) {
                attempts++;
            }
        }
        assertThat(attempts).isEqualTo(3);
        // the diagnosis runs in the called support-remote-fix (same business key); its incident is there
        JsonNode incidents = as("admin").getForObject("/engine-rest/incident?processInstanceId={id}&firstResult=0&maxResults=50", JsonNode.class,
                processOf(ticket, "support-remote-fix"));
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).path("activityId").asText()).isEqualTo("Task_Diagnose");
        assertThat(incidents.get(0).path("incidentMessage").asText()).contains("genieacs").contains("503");

        fakes.reset();
        fakes.preloadOnt(ont, "OLT-EAST", "1/2/3", customer, "enabled");
        Job failed = diagnosisJob(ticket);
        management.setJobRetries(failed.getId(), 1);   // "Retry" in Cockpit
        jobs.force(failed);
        assertThat(jobs.incidents(ticket)).isEmpty();
        assertThat(as("ops").getForObject("/api/tickets/" + ticket, JsonNode.class).path("diagnosis").asText()).contains("ONT " + ont);
    }

    @Test
    void theConnectionFindsACpeByMacWhenTheSerialsDifferAndRebootsIt() {
        String mac = "3C:52:C1:AB:CD:EF";
        jdbc.sql("UPDATE automation.equipment SET mac = :mac WHERE serial = :serial").param("mac", mac).param("serial", ont).update();
        fakes.server().when(request().withMethod("GET").withPath("/genieacs/devices/?").withQueryStringParameter("query", ".*_SerialNumber.*"),
                Times.unlimited(), TimeToLive.unlimited(), 10)
                .respond(HttpResponse.response().withStatusCode(200).withContentType(MediaType.APPLICATION_JSON).withBody("[]"));
        fakes.preloadCpe("GPON" + ont.substring(4), mac, 4);

        JsonNode connection = as("ops").getForObject("/api/customers/" + customer + "/connection", JsonNode.class);

        assertThat(connection.path("ontState").asText()).isEqualTo("enabled");
        assertThat(connection.path("signal").asText()).isEqualTo("good");
        assertThat(connection.path("cpeFound").asBoolean()).isTrue();
        assertThat(connection.path("cpeFoundBy").asText()).isEqualTo("mac");
        assertThat(connection.path("cpeDeviceId").asText()).endsWith("GPON" + ont.substring(4));
        assertThat(connection.path("online").asBoolean()).isTrue();
        assertThat(connection.path("wifiClients").asInt()).isEqualTo(4);

        ResponseEntity<JsonNode> reboot = as("ops").postForEntity("/api/customers/" + customer + "/cpe/reboot", null, JsonNode.class);
        assertThat(reboot.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        fakes.server().verify(request().withMethod("POST").withPath("/genieacs/devices/202BC1-XZ000G3-GPON" + ont.substring(4) + "/tasks")
                .withQueryStringParameter("connection_request", ".*").withBody(JsonBody.json("{\"name\":\"reboot\"}")), VerificationTimes.once());
    }

    @Test
    void badTicketsAreRefusedWithTheField() {
        long before = count("ticket");
        ResponseEntity<JsonNode> badType = as("ops").postForEntity("/api/tickets", Map.of("customerId", customer, "type", "broken"), JsonNode.class);
        ResponseEntity<JsonNode> unknown = as("ops").postForEntity("/api/tickets", Map.of("customerId", "C-0000001", "type", "slow"), JsonNode.class);
        ResponseEntity<JsonNode> notTheirs = as("ops").postForEntity("/api/tickets", Map.of("customerId", customer, "locationId", "LOC-99999999",
                "type", "slow"), JsonNode.class);

        assertThat(badType.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);   // a malformed field (API conventions)
        assertThat(List.of(unknown, notTheirs)).extracting(ResponseEntity::getStatusCode).containsOnly(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(badType.getBody().path("errors").findValuesAsText("field")).containsExactly("type");
        assertThat(unknown.getBody().path("errors").findValuesAsText("field")).containsExactly("customerId");
        assertThat(notTheirs.getBody().path("errors").findValuesAsText("field")).containsExactly("locationId");
        assertThat(count("ticket")).isEqualTo(before);
    }

    private String open(String type) {
        return as("ops").postForObject("/api/tickets", Map.of("customerId", customer, "locationId", location, "type", type), JsonNode.class)
                .path("id").asText();
    }

    private String technician(String name, Map<String, Integer> skills) {
        return as("ops").postForObject("/api/technicians", Map.of("name", name, "skills", skills, "baseLatitude", "46.8139",
                "baseLongitude", "-71.2080"), JsonNode.class).path("id").asText();
    }

    private Job diagnosisJob(String ticket) {
        return management.createJobQuery().processInstanceId(processOf(ticket, "support-remote-fix")).activityId("Task_Diagnose").singleResult();
    }

    private Task task(String ticket) {
        return tasks.createTaskQuery().processInstanceBusinessKey(ticket).singleResult();
    }

    private String processOf(String ticket) {
        return processOf(ticket, "support-resolution");
    }

    private String processOf(String ticket, String processKey) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(processKey).processInstanceBusinessKey(ticket).singleResult().getId();
    }

    private String historicProcessOf(String ticket) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey("support-resolution").processInstanceBusinessKey(ticket)
                .singleResult().getId();
    }

    private String ended(String ticket) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey("support-resolution").processInstanceBusinessKey(ticket)
                .singleResult().getEndActivityId();
    }

    private static void moveClockMinutes(int minutes) {
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + minutes * 60_000L));
    }
}
