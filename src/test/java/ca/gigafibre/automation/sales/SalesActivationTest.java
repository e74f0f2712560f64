package ca.gigafibre.automation.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockserver.model.HttpRequest.request;

import ca.gigafibre.automation.adapter.esign.DocuSealClient;
import ca.gigafibre.automation.adapter.fake.FakeExternalSystems;
import ca.gigafibre.automation.testing.BusinessDayClock;
import ca.gigafibre.automation.testing.IntegrationTest;
import ca.gigafibre.automation.testing.Jobs;
import ca.gigafibre.automation.testing.TestCustomers;
import com.fasterxml.jackson.databind.JsonNode;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockserver.model.JsonBody;
import org.mockserver.verify.VerificationTimes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * sales-activation over the real BPMN on the engine clock, with DocuSeal, the OLT, GenieACS, the PBX and the 911 provider
 * faked at the HTTP level: quote → review → e-signature (signed webhook) → location → equipment from stock → installation
 * → provisioning → subscriptions from the activation day → the first invoice, exact to the cent.
 */
class SalesActivationTest extends IntegrationTest {

    private static final String SECRET = "docuseal_demo_secret";
    private static final AtomicInteger NEXT = new AtomicInteger(7000);
    /** A Tuesday and a Wednesday in March 2027: business days, no holiday. */
    private static final LocalDate QUOTE_DAY = LocalDate.of(2027, 3, 9);
    private static final LocalDate INSTALLATION_DAY = LocalDate.of(2027, 3, 10);
    private static final String SIGNATURE_STAGE = "sales-signature";
    private static final String INSTALLATION_STAGE = "sales-installation";

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
    BusinessDayClock clock;

    @Autowired
    DocuSealClient docuSeal;

    private String customer;
    private String location;
    private String ontSerial;
    private String ontMac;
    private String did;
    private String technician;

    @BeforeEach
    void catalogueStockAndTechnician() {
        fakes.reset();
        clock.at(QUOTE_DAY);
        jdbc.sql("""
                INSERT INTO automation.plan (sku, name_fr, name_en, price, billing_frequency, category, download_mbps, upload_mbps, phone_line)
                VALUES ('SQ-FIB-300', 'Fibre 300 Mbit/s', 'Fibre 300 Mbps', 74.95, 'monthly', 'internet', 300, 300, false),
                       ('SQ-VOIP', 'Ligne téléphonique', 'Phone line', 24.95, 'monthly', 'phone', NULL, NULL, true),
                       ('SQ-DOM', 'Nom de domaine (annuel)', 'Domain name (annual)', 25.00, 'annual', 'hosting', NULL, NULL, false),
                       ('SQ-INST', 'Installation fibre', 'Fibre installation', 99.00, 'one-time', 'service', NULL, NULL, false)
                ON CONFLICT (sku) DO NOTHING
                """).update();
        customer = customers.create("Soumission", false, false, false);
        location = as("ops").getForObject("/api/customers/" + customer, JsonNode.class).path("locations").get(0).path("id").asText();
        int n = NEXT.incrementAndGet();
        ontSerial = String.format("TPLGQ%07d", n);
        ontMac = String.format("3C:52:B0:%02X:%02X:%02X", (n >> 16) & 0xFF, (n >> 8) & 0xFF, n & 0xFF);
        did = "45077" + String.format("%05d", n);
        jdbc.sql("INSERT INTO automation.equipment (kind, serial, mac, model, status) VALUES ('ont', :serial, :mac, 'XZ000-G3', 'in-stock')")
                .param("serial", ontSerial).param("mac", ontMac).update();
        technician = jdbc.sql("INSERT INTO automation.technician (name, skills) VALUES ('Gen Test', '{\"installation\": 5}') RETURNING technician_no")
                .query(String.class).single();
    }

    @AfterEach
    void realClock() {
        clock.reset();
    }

    @Test
    void quoteToActiveServiceAndFirstInvoiceEndToEnd() throws Exception {
        ResponseEntity<JsonNode> created = as("ops").postForEntity("/api/quotes", fullQuote(), JsonNode.class);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode quote = created.getBody();
        String quoteNo = quote.path("id").asText();
        assertThat(quoteNo).matches("SOQ-\\d{5,}");
        assertThat(created.getHeaders().getLocation()).hasToString("/api/quotes/" + quoteNo);
        assertThat(money(quote, "recurringSubtotal")).isEqualByComparingTo("124.90");
        assertThat(money(quote, "oneTimeSubtotal")).isEqualByComparingTo("99.00");
        assertThat(money(quote, "subtotal")).isEqualByComparingTo("223.90");
        assertThat(money(quote, "tps")).isEqualByComparingTo("11.20");
        assertThat(money(quote, "tvq")).isEqualByComparingTo("22.33");
        assertThat(money(quote, "total")).isEqualByComparingTo("257.43");
        assertThat(quote.path("lines").findValuesAsText("frequency")).containsExactly("monthly", "monthly", "annual", "one-time");

        Task review = task(quoteNo);
        assertThat(review.getName()).isEqualTo("Réviser la soumission / Review quote — Test Soumission, 257,43 $");
        assertThat(String.valueOf(tasks.getVariable(review.getId(), "quoteSummary"))).contains("Total : 257,43 $");
        tasks.complete(review.getId(), Map.of("reviewDecision", "send", "signerEmail", "client@example.com"));
        assertThat(jobs.runDue(quoteNo)).isEmpty();

        fakes.server().verify(request().withMethod("POST").withPath("/docuseal/api/submissions").withHeader("X-Auth-Token", "docuseal_demo_token")
                .withBody(JsonBody.json("{\"template_id\":1,\"submitters\":[{\"email\":\"client@example.com\",\"external_id\":\"" + quoteNo + "\"}]}")),
                VerificationTimes.once());
        JsonNode sent = as("ops").getForObject("/api/quotes/" + quoteNo, JsonNode.class);
        assertThat(sent.path("status").asText()).isEqualTo("sent");
        String signingUrl = sent.path("signingUrl").asText();
        assertThat(signingUrl).contains("/docuseal/s/");

        String pdfText = pdfText(quoteNo);
        assertThat(pdfText).contains("Soumission TARGO " + quoteNo, "Services récurrents", "Frais uniques", "TPS (5 %) : 11,20 $",
                "TVQ (9,975 %) : 22,33 $", "Total : 257,43 $", "SIGNER CETTE SOUMISSION", signingUrl);
        assertThat(pdfText.indexOf("Services récurrents")).isLessThan(pdfText.indexOf("Frais uniques"));

        String completed = completedEvent(quoteNo, "2027-03-09T15:00:00Z");
        ResponseEntity<JsonNode> signed = webhook(completed, signature(completed, SECRET, now()));
        ResponseEntity<JsonNode> again = webhook(completed, signature(completed, SECRET, now()));
        assertThat(signed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(signed.getBody().path("handled").asText()).isEqualTo("signed");
        assertThat(again.getBody().path("handled").asText()).isEqualTo("duplicate");
        assertThat(jobs.runDue(quoteNo)).isEmpty();

        Task equipment = task(quoteNo);
        assertThat(equipment.getName()).isEqualTo("Attribuer l'équipement / Assign equipment — Test Soumission, 257,43 $");
        assertThat(tasks.getVariable(equipment.getId(), "phoneLinesOrdered")).isEqualTo(1);
        assertThat(tasks.getVariable(equipment.getId(), "oltPort")).isEqualTo("1/2/3");
        tasks.complete(equipment.getId(), Map.of("ontSerial", ontSerial.toLowerCase(), "ontMac", ontMac.replace(':', '-'),
                "oltId", "OLT-EAST", "oltPort", "1/2/3", "phoneNumbers", "(" + did.substring(0, 3) + ") " + did.substring(3, 6) + "-" + did.substring(6)));
        assertThat(equipmentStatus(ontSerial)).isEqualTo("assigned");

        Task schedule = task(quoteNo);
        assertThat(schedule.getName()).isEqualTo("Planifier l'installation / Schedule installation — Test Soumission, 257,43 $");
        assertThat(String.valueOf(tasks.getVariable(schedule.getId(), "availableTechnicians"))).contains(technician + " — Gen Test");
        tasks.complete(schedule.getId(), Map.of("installationDate", INSTALLATION_DAY.toString(), "installationWindow", "am", "technicianId", technician));
        assertThat(jobs.runDue(quoteNo)).isEmpty();
        String job = (String) runtime.getVariable(stageOf(INSTALLATION_STAGE, quoteNo), "dispatchJobId");
        assertThat(jdbc.sql("SELECT kind || ' ' || status || ' ' || to_char(scheduled_start AT TIME ZONE 'America/Montreal', 'YYYY-MM-DD HH24:MI') "
                + "FROM automation.dispatch_job WHERE job_no = :no").param("no", job).query(String.class).single())
                .isEqualTo("installation scheduled 2027-03-10 08:00");
        assertThat(jdbc.sql("SELECT state FROM automation.notification WHERE natural_key = :key").param("key", "appointment:" + job)
                .query(String.class).single()).isEqualTo("sent");

        clock.at(INSTALLATION_DAY);
        Task confirm = task(quoteNo);
        assertThat(confirm.getName()).isEqualTo("Confirmer l'installation / Confirm installation — Test Soumission, 257,43 $");
        tasks.complete(confirm.getId(), Map.of("installationOutcome", "done"));
        String subscription = (String) runtime.getVariable(processOf(quoteNo), "subscriptionId");
        assertThat(jobs.runDue(quoteNo, subscription, did)).isEmpty();

        fakes.server().verify(request().withMethod("PUT").withPath("/olt/v1/onts/" + ontSerial), VerificationTimes.once());
        fakes.server().verify(request().withMethod("PATCH").withPath("/pbx/v1/lines/" + did).withBody(JsonBody.json("{\"state\":\"active\"}")),
                VerificationTimes.once());
        assertThat(ended(quoteNo)).isEqualTo("End_ServiceActive");
        assertThat(equipmentStatus(ontSerial)).isEqualTo("installed");

        List<String> subscriptions = jdbc.sql("""
                SELECT p.sku || ' ' || s.status || ' ' || s.start_date || ' ' || s.billed_through FROM automation.subscription s
                JOIN automation.plan p ON p.id = s.plan_id JOIN automation.customer c ON c.id = s.customer_id
                WHERE c.customer_no = :no ORDER BY s.id
                """).param("no", customer).query(String.class).list();
        assertThat(subscriptions).containsExactly("SQ-FIB-300 active 2027-03-10 2027-03-31", "SQ-VOIP active 2027-03-10 2027-03-31",
                "SQ-DOM active 2027-03-10 2028-03-09", "SQ-INST active 2027-03-10 2027-03-10");

        JsonNode done = as("ops").getForObject("/api/quotes/" + quoteNo, JsonNode.class);
        assertThat(done.path("status").asText()).isEqualTo("active");
        String invoiceNo = done.path("firstInvoiceId").asText();
        JsonNode invoice = as("ops").getForObject("/api/invoices/" + invoiceNo, JsonNode.class);
        // Fibre 74.95 × 22/31 days = 53.19; phone 24.95 × 22/31 = 17.71; domain, a whole year = 25.00; installation 99.00
        assertThat(invoice.path("lines").findValues("amount")).extracting(JsonNode::decimalValue).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("53.19"), new BigDecimal("17.71"), new BigDecimal("25.00"), new BigDecimal("99.00"));
        assertThat(money(invoice, "subtotal")).isEqualByComparingTo("194.90");
        assertThat(money(invoice, "tps")).isEqualByComparingTo("9.75");
        assertThat(money(invoice, "tvq")).isEqualByComparingTo("19.44");
        assertThat(money(invoice, "total")).isEqualByComparingTo("224.09");
        assertThat(invoice.path("issueDate").asText()).isEqualTo("2027-03-10");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("billing-collections").processInstanceBusinessKey(invoiceNo).count())
                .isEqualTo(1);

        JsonNode customer360 = as("ops").getForObject("/api/customers/" + customer, JsonNode.class);
        assertThat(customer360.path("related").path("balance").path("openInvoices").findValuesAsText("id")).containsExactly(invoiceNo);
        assertThat(customer360.path("related").path("quotes").findValuesAsText("status")).containsExactly("active");
    }

    @Test
    void aFailedInstallationNeedsItsReasonAndIsScheduledAgain() {
        String quoteNo = signedQuoteAtInstallation();
        Task confirm = task(quoteNo);
        String firstJob = (String) tasks.getVariable(confirm.getId(), "dispatchJobId");

        assertThatThrownBy(() -> tasks.complete(confirm.getId(), Map.of("installationOutcome", "failed")))
                .hasMessageContaining("installationFailureReason");
        assertThat(task(quoteNo).getId()).isEqualTo(confirm.getId());

        tasks.complete(confirm.getId(), Map.of("installationOutcome", "failed", "installationFailureReason", "Client absent"));

        Task again = task(quoteNo);
        assertThat(again.getName()).isEqualTo("Planifier l'installation / Schedule installation — Test Soumission, 257,43 $");
        assertThat(jdbc.sql("SELECT status || ': ' || failure_reason FROM automation.dispatch_job WHERE job_no = :no").param("no", firstJob)
                .query(String.class).single()).isEqualTo("failed: Client absent");
        tasks.complete(again.getId(), Map.of("installationDate", INSTALLATION_DAY.plusDays(1).toString(), "installationWindow", "pm",
                "technicianId", technician));
        jobs.runDue(quoteNo);
        Task secondConfirm = task(quoteNo);
        assertThat(secondConfirm.getName()).isEqualTo("Confirmer l'installation / Confirm installation — Test Soumission, 257,43 $");
        assertThat(tasks.getVariable(secondConfirm.getId(), "dispatchJobId")).isNotEqualTo(firstJob);
        assertThat(jdbc.sql("SELECT count(*) FROM automation.dispatch_job j JOIN automation.quote q ON q.id = j.quote_id WHERE q.quote_no = :no")
                .param("no", quoteNo).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void anInstallationNeverConfirmedEscalatesAndTheConfirmationStays() {
        String quoteNo = signedQuoteAtInstallation();
        String confirmId = task(quoteNo).getId();

        clock.at(INSTALLATION_DAY.plusDays(1));   // the window ended at 12:00 on the 10th: at 10:00 on the 11th, not 24 h yet
        jobs.runDue(quoteNo);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(quoteNo).count()).isEqualTo(1);

        clock.at(INSTALLATION_DAY.plusDays(2));
        jobs.runDue(quoteNo);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(quoteNo).list()).extracting(Task::getName).containsExactly(
                "Confirmer l'installation / Confirm installation — Test Soumission, 257,43 $",
                "Installation non confirmée : relancer le technicien / Installation not confirmed: chase the technician — Test Soumission, 257,43 $");
        assertThat(tasks.createTaskQuery().taskId(confirmId).count()).isEqualTo(1);
    }

    @Test
    void anInstallationConfirmedAfterItsEscalationClosesTheEscalationAndGoesOnToProvisioning() {
        String quoteNo = signedQuoteAtInstallation();
        Task confirm = task(quoteNo);
        clock.at(INSTALLATION_DAY.plusDays(2));
        jobs.runDue(quoteNo);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(quoteNo).count()).isEqualTo(2);

        tasks.complete(confirm.getId(), Map.of("installationOutcome", "done"));

        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(quoteNo).count()).isZero();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(INSTALLATION_STAGE).processInstanceBusinessKey(quoteNo).count()).isZero();
        String subscription = (String) runtime.getVariable(processOf(quoteNo), "subscriptionId");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("provisioning").processInstanceBusinessKey(subscription).count())
                .isEqualTo(1);
        assertThat(runtime.getVariable(processOf(quoteNo), "ontSerial")).isEqualTo(ontSerial);
    }

    @Test
    void anUnsignedQuoteExpiresAndTheSalesRepFollowsUp() {
        String quoteNo = sentQuote();

        clock.at(QUOTE_DAY.plusDays(31));
        jobs.runDue(quoteNo);

        assertThat(as("ops").getForObject("/api/quotes/" + quoteNo, JsonNode.class).path("status").asText()).isEqualTo("expired");
        Task followUp = task(quoteNo);
        assertThat(followUp.getName()).isEqualTo("Relancer le client : soumission échue / Follow up: quote expired — Test Soumission, 257,43 $");
        assertThat(followUp.getAssignee()).isEqualTo("ops");

        String late = completedEvent(quoteNo, "2027-04-09T15:00:00Z");
        ResponseEntity<JsonNode> answer = webhook(late, signature(late, SECRET, now()));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody().path("handled").asText()).isEqualTo("too late: quote expired");
        assertThat(as("ops").getForObject("/api/quotes/" + quoteNo, JsonNode.class).path("status").asText()).isEqualTo("expired");

        tasks.complete(followUp.getId());
        assertThat(ended(quoteNo)).isEqualTo("End_QuoteExpired");
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(INSTALLATION_STAGE).processInstanceBusinessKey(quoteNo).count())
                .isZero();
    }

    @Test
    void aWithdrawnQuoteIsCancelledAndItsActivationEnds() {
        String quoteNo = as("ops").postForObject("/api/quotes", fullQuote(), JsonNode.class).path("id").asText();

        tasks.complete(task(quoteNo).getId(), Map.of("reviewDecision", "withdraw"));

        assertThat(as("ops").getForObject("/api/quotes/" + quoteNo, JsonNode.class).path("status").asText()).isEqualTo("cancelled");
        assertThat(ended(quoteNo)).isEqualTo("End_QuoteWithdrawn");
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(INSTALLATION_STAGE).processInstanceBusinessKey(quoteNo).count())
                .isZero();
        fakes.server().verify(request().withPath("/docuseal/api/submissions"), VerificationTimes.never());
    }

    @Test
    void aRetriedSignatureRequestAsksDocuSealFirstAndSendsNoSecondInvitation() {
        String quoteNo = as("ops").postForObject("/api/quotes", fullQuote(), JsonNode.class).path("id").asText();
        tasks.complete(task(quoteNo).getId(), Map.of("reviewDecision", "send", "signerEmail", "client@example.com"));
        // an earlier attempt reached DocuSeal, then its job died before committing
        DocuSealClient.Submission earlier = docuSeal.createSubmission(1, "client@example.com", "Test Soumission", quoteNo);

        assertThat(jobs.runDue(quoteNo)).isEmpty();

        fakes.server().verify(request().withMethod("POST").withPath("/docuseal/api/submissions"), VerificationTimes.once());
        fakes.server().verify(request().withMethod("GET").withPath("/docuseal/api/submitters").withQueryStringParameter("external_id", quoteNo),
                VerificationTimes.once());
        assertThat(as("ops").getForObject("/api/quotes/" + quoteNo, JsonNode.class).path("signingUrl").asText()).isEqualTo(earlier.signingUrl());
    }

    @Test
    void webhookRefusesBadOrStaleSignaturesAndUnknownQuotes() {
        String quoteNo = sentQuote();
        long events = count("webhook_event");
        String completed = completedEvent(quoteNo, "2027-03-09T15:00:00Z");

        ResponseEntity<JsonNode> forged = webhook(completed, signature(completed, "someone_else", now()));
        ResponseEntity<JsonNode> stale = webhook(completed, signature(completed, SECRET, now() - 600));
        ResponseEntity<JsonNode> unsigned = webhook(completed, null);
        ResponseEntity<JsonNode> tampered = webhook(completed.replace("completed\"}", "completed\" }"), signature(completed, SECRET, now()));
        String unknown = completedEvent("SOQ-99999999", "2027-03-09T15:00:00Z");
        ResponseEntity<JsonNode> notFound = webhook(unknown, signature(unknown, SECRET, now()));
        String opened = "{\"event_type\":\"form.viewed\",\"timestamp\":\"2027-03-09T14:00:00Z\",\"data\":{\"external_id\":\"" + quoteNo + "\"}}";
        ResponseEntity<JsonNode> viewed = webhook(opened, signature(opened, SECRET, now()));

        assertThat(List.of(forged, stale, unsigned, tampered)).extracting(ResponseEntity::getStatusCode).containsOnly(HttpStatus.UNAUTHORIZED);
        assertThat(forged.getBody().path("errors").findValuesAsText("field")).containsExactly("X-Docuseal-Signature");
        assertThat(stale.getBody().path("detail").asText()).contains("5 minutes");
        assertThat(notFound.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(viewed.getBody().path("handled").asText()).isEqualTo("ignored");
        assertThat(count("webhook_event")).isEqualTo(events);
        assertThat(as("ops").getForObject("/api/quotes/" + quoteNo, JsonNode.class).path("status").asText()).isEqualTo("sent");
        assertThat(runtime.createEventSubscriptionQuery().eventName("QuoteSigned").processInstanceId(stageOf(SIGNATURE_STAGE, quoteNo)).count())
                .isEqualTo(1);
        assertThat(runtime.createEventSubscriptionQuery().eventName("QuoteSigned").processInstanceId(processOf(quoteNo)).count()).isZero();
    }

    @Test
    void aBadQuoteIsRefusedWithTheLineAndFieldAndNothingIsWritten() {
        long quotes = count("quote");
        long lines = count("quote_line");

        ResponseEntity<JsonNode> badLines = as("ops").postForEntity("/api/quotes", Map.of("customerId", customer, "locationId", location,
                "type", "residential", "lines", List.of(Map.of("sku", "SQ-FIB-300", "quantity", 0), Map.of("sku", "NOPE-1", "quantity", 1),
                        Map.of("sku", "SQ-INST", "quantity", -2))), JsonNode.class);
        ResponseEntity<JsonNode> badCustomer = as("ops").postForEntity("/api/quotes", Map.of("customerId", "C-0000001", "locationId", location,
                "lines", List.of(Map.of("sku", "SQ-FIB-300", "quantity", 1))), JsonNode.class);
        ResponseEntity<JsonNode> otherLocation = as("ops").postForEntity("/api/quotes", Map.of("customerId", customer, "locationId", "LOC-99999999",
                "lines", List.of(Map.of("sku", "SQ-FIB-300", "quantity", 1))), JsonNode.class);
        ResponseEntity<JsonNode> badFrequency = as("ops").postForEntity("/api/quotes", Map.of("customerId", customer, "locationId", location,
                "lines", List.of(Map.of("sku", "SQ-FIB-300", "quantity", 1, "frequency", "weekly"))), JsonNode.class);

        assertThat(List.of(badLines, badCustomer, otherLocation, badFrequency)).extracting(ResponseEntity::getStatusCode)
                .containsOnly(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(badLines.getBody().path("errors").findValuesAsText("field")).containsExactly("lines[0].quantity", "lines[1].sku", "lines[2].quantity");
        assertThat(badCustomer.getBody().path("errors").findValuesAsText("field")).containsExactly("customerId", "locationId");
        assertThat(otherLocation.getBody().path("errors").findValuesAsText("field")).containsExactly("locationId");
        assertThat(badFrequency.getBody().path("errors").findValuesAsText("field")).containsExactly("lines[0].frequency");
        assertThat(count("quote")).isEqualTo(quotes);
        assertThat(count("quote_line")).isEqualTo(lines);
    }

    @Test
    void acceptanceByPhoneDuringReviewCreatesTheNewLocationAndGoesOn() {
        Map<String, Object> body = new HashMap<>(Map.of("customerId", customer, "type", "commercial",
                "location", Map.of("streetNumber", "480", "streetName", "Rue Dufferin", "city", "Granby", "postalCode", "j2g8e5"),
                "lines", List.of(Map.of("sku", "SQ-FIB-300", "quantity", 1))));
        String quoteNo = as("ops").postForObject("/api/quotes", body, JsonNode.class).path("id").asText();

        ResponseEntity<JsonNode> accepted = as("ops").postForEntity("/api/quotes/" + quoteNo + "/accept",
                Map.of("acceptedBy", "Marie Tremblay", "method", "phone", "note", "Acceptée au téléphone"), JsonNode.class);
        jobs.runDue(quoteNo);

        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(accepted.getBody().path("signedVia").asText()).isEqualTo("phone");
        assertThat(accepted.getBody().path("signedBy").asText()).startsWith("Marie Tremblay (ops)");
        Task equipment = task(quoteNo);
        assertThat(equipment.getName()).isEqualTo("Attribuer l'équipement / Assign equipment — Test Soumission, 86,18 $");
        String newLocation = (String) tasks.getVariable(equipment.getId(), "locationId");
        assertThat(newLocation).isNotEqualTo(location);
        assertThat(jdbc.sql("SELECT street_number || ' ' || street_name || ', ' || postal_code FROM automation.service_location WHERE location_no = :no")
                .param("no", newLocation).query(String.class).single()).isEqualTo("480 Rue Dufferin, J2G 8E5");
        fakes.server().verify(request().withPath("/docuseal/api/submissions"), VerificationTimes.never());
    }

    @Test
    void equipmentNotInStockOrWithAnotherMacIsRefusedAndTheTaskStays() {
        String quoteNo = signedQuote();
        Task equipment = task(quoteNo);
        jdbc.sql("INSERT INTO automation.equipment (kind, serial, mac, status) VALUES ('ont', :serial, '3C:52:B9:00:00:01', 'installed')")
                .param("serial", ontSerial + "X").update();

        assertThatThrownBy(() -> tasks.complete(equipment.getId(), equipmentForm("TPLGNOTHERE1", ontMac)))
                .hasMessageContaining("ontSerial: TPLGNOTHERE1 is not in stock");
        assertThatThrownBy(() -> tasks.complete(equipment.getId(), equipmentForm(ontSerial, "3C:52:B0:FF:FF:FF")))
                .hasMessageContaining("ontMac: does not match the MAC of " + ontSerial);
        assertThatThrownBy(() -> tasks.complete(equipment.getId(), equipmentForm(ontSerial + "X", "3C:52:B9:00:00:01")))
                .hasMessageContaining("is already installed");
        assertThatThrownBy(() -> tasks.complete(equipment.getId(), Map.of("ontSerial", ontSerial, "ontMac", ontMac, "oltId", "OLT-EAST",
                "oltPort", "1/2/3", "phoneNumbers", "")))
                .hasMessageContaining("phoneNumbers: the quote orders 1 phone line(s)");

        assertThat(task(quoteNo).getId()).isEqualTo(equipment.getId());
        assertThat(equipmentStatus(ontSerial)).isEqualTo("in-stock");
        assertThat(jobs.incidents(quoteNo)).isEmpty();
    }

    @Test
    void aQuoteSignedOutsideTheEngineIsConvertedOnce() {
        long quoteId = jdbc.sql("""
                INSERT INTO automation.quote (customer_id, location_id, template, quote_date, expires_on, status, terms)
                SELECT c.id, l.id, 'Résidentiel', DATE '2024-05-01', DATE '2024-05-31', 'accepted', 'Prix valides 30 jours.'
                FROM automation.customer c JOIN automation.service_location l ON l.customer_id = c.id WHERE c.customer_no = :no RETURNING id
                """).param("no", customer).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO automation.quote_line (quote_id, kind, sku, description, unit_amount, quantity, total)
                VALUES (:id, 'one-time', 'SQ-INST', 'Installation fibre', 99.00, 1, 99.00), (:id, 'monthly', 'SQ-FIB-300', 'Fibre', 74.95, 1, 74.95)
                """).param("id", quoteId).update();
        String quoteNo = jdbc.sql("SELECT quote_no FROM automation.quote WHERE id = :id").param("id", quoteId).query(String.class).single();

        ResponseEntity<JsonNode> converted = as("ops").postForEntity("/api/quotes/" + quoteNo + "/convert", null, JsonNode.class);
        jobs.runDue(quoteNo);
        ResponseEntity<JsonNode> twice = as("ops").postForEntity("/api/quotes/" + quoteNo + "/convert", null, JsonNode.class);

        assertThat(converted.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(task(quoteNo).getName()).startsWith("Attribuer l'équipement / Assign equipment — Test Soumission");
        assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("sales-activation").processInstanceBusinessKey(quoteNo).count()).isEqualTo(1);
        fakes.server().verify(request().withPath("/docuseal/api/submissions"), VerificationTimes.never());
    }

    // --- helpers

    private Map<String, Object> fullQuote() {
        return Map.of("customerId", customer, "locationId", location, "type", "residential", "terms", "Prix valides 30 jours. Taxes en sus.",
                "lines", List.of(Map.of("sku", "SQ-FIB-300", "quantity", 1), Map.of("sku", "SQ-VOIP", "quantity", 1),
                        Map.of("sku", "SQ-DOM", "quantity", 1), Map.of("sku", "SQ-INST", "description", "Installation fibre", "quantity", 1,
                                "unitPrice", "99.00")));
    }

    private String sentQuote() {
        String quoteNo = as("ops").postForObject("/api/quotes", fullQuote(), JsonNode.class).path("id").asText();
        tasks.complete(task(quoteNo).getId(), Map.of("reviewDecision", "send", "signerEmail", "client@example.com"));
        jobs.runDue(quoteNo);
        return quoteNo;
    }

    private String signedQuote() {
        String quoteNo = sentQuote();
        String completed = completedEvent(quoteNo, "2027-03-09T15:00:00Z");
        webhook(completed, signature(completed, SECRET, now()));
        jobs.runDue(quoteNo);
        return quoteNo;
    }

    private String signedQuoteAtInstallation() {
        String quoteNo = signedQuote();
        tasks.complete(task(quoteNo).getId(), equipmentForm(ontSerial, ontMac));
        tasks.complete(task(quoteNo).getId(), Map.of("installationDate", INSTALLATION_DAY.toString(), "installationWindow", "am",
                "technicianId", technician));
        jobs.runDue(quoteNo);
        return quoteNo;
    }

    private Map<String, Object> equipmentForm(String serial, String mac) {
        return Map.of("ontSerial", serial, "ontMac", mac, "oltId", "OLT-EAST", "oltPort", "1/2/3", "phoneNumbers", did);
    }

    private Task task(String quoteNo) {
        return tasks.createTaskQuery().processInstanceBusinessKey(quoteNo).singleResult();
    }

    /** A stage the quote's sales-activation called: same business key, its own process key. */
    private String stageOf(String processKey, String quoteNo) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(processKey).processInstanceBusinessKey(quoteNo).singleResult().getId();
    }

    private String processOf(String quoteNo) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("sales-activation").processInstanceBusinessKey(quoteNo).singleResult().getId();
    }

    private String ended(String quoteNo) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey("sales-activation").processInstanceBusinessKey(quoteNo)
                .singleResult().getEndActivityId();
    }

    private String equipmentStatus(String serial) {
        return jdbc.sql("SELECT status FROM automation.equipment WHERE serial = :serial").param("serial", serial).query(String.class).single();
    }

    private String pdfText(String quoteNo) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_PDF));
        ResponseEntity<byte[]> pdf = as("ops").exchange("/api/quotes/" + quoteNo, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        PdfReader reader = new PdfReader(pdf.getBody());
        StringBuilder text = new StringBuilder();
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        return text.toString();
    }

    private static String completedEvent(String quoteNo, String timestamp) {
        return "{\"event_type\":\"form.completed\",\"timestamp\":\"" + timestamp + "\",\"data\":{\"id\":11,\"email\":\"client@example.com\","
                + "\"external_id\":\"" + quoteNo + "\",\"status\":\"completed\",\"submission\":{\"id\":" + quoteNo.hashCode()
                + ",\"status\":\"completed\"}}}";
    }

    private ResponseEntity<JsonNode> webhook(String body, String signature) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (signature != null) {
            headers.set("X-Docuseal-Signature", signature);
        }
        return rest.exchange("/api/webhooks/docuseal", HttpMethod.POST, new HttpEntity<>(body.getBytes(StandardCharsets.UTF_8), headers), JsonNode.class);
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    static String signature(String body, String secret, long timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return timestamp + "." + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigDecimal money(JsonNode node, String field) {
        return new BigDecimal(node.path(field).asText());
    }
}
