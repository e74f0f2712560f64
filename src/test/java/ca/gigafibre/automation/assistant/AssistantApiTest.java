package ca.gigafibre.automation.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockserver.model.HttpRequest.request;

import ca.gigafibre.automation.testing.EngineClockTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockserver.model.JsonBody;
import org.mockserver.verify.VerificationTimes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * {@code /api/assistant/commands} on the running engine: reads answered, changes proposed then executed through the same
 * services as the REST API (the process, row or external call each API makes is there), ambiguity, refusal, expiry, a
 * double confirmation, cancel, roles and the audit trail.
 */
class AssistantApiTest extends EngineClockTest {

    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 9000));

    @Autowired
    HistoryService history;

    private String customer;

    @BeforeEach
    void aCustomer() {
        jdbc.sql("""
                INSERT INTO automation.plan (sku, name_fr, name_en, price, billing_frequency, category, download_mbps, upload_mbps, phone_line)
                VALUES ('FIB-100', 'Fibre 100 Mbit/s', 'Fibre 100 Mbps', 59.95, 'monthly', 'internet', 100, 100, false),
                       ('RTR-RENT', 'Location routeur Wi-Fi 6', 'Wi-Fi 6 router rental', 5.00, 'monthly', 'equipment', NULL, NULL, false)
                ON CONFLICT (sku) DO NOTHING
                """).update();
        customer = customers.create("Assistant", false, false, false);
    }

    private ResponseEntity<JsonNode> ask(String user, String text, String locale, String onScreen) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("text", text, "locale", locale));
        if (onScreen != null) {
            body.put("customerId", onScreen);
        }
        return as(user).postForEntity("/api/assistant/commands", body, JsonNode.class);
    }

    private JsonNode propose(String text, String locale) {
        ResponseEntity<JsonNode> proposed = ask("ops", text, locale, null);
        assertThat(proposed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(proposed.getBody().path("status").asText()).as(proposed.getBody().toString()).isEqualTo("proposed");
        return proposed.getBody();
    }

    private ResponseEntity<JsonNode> confirm(String user, JsonNode proposal) {
        return as(user).postForEntity("/api/assistant/commands/" + proposal.path("id").asText() + "/confirm", null, JsonNode.class);
    }

    private String statusOf(JsonNode command) {
        return jdbc.sql("SELECT status FROM automation.assistant_command WHERE id = CAST(:id AS uuid)").param("id", command.path("id").asText())
                .query(String.class).single();
    }

    @Test
    void aReadIsAnsweredAtOnceWithTheDataAndASentenceForTheCustomerOnScreen() {
        customers.overdueInvoice(customer, new BigDecimal("100.00"), 10);

        JsonNode fr = ask("ops", "Combien le client doit ?", "fr", customer).getBody();
        JsonNode en = ask("analyst", "What does " + customer + " owe?", "en", null).getBody();

        assertThat(fr.path("status").asText()).isEqualTo("answered");
        assertThat(fr.path("intent").asText()).isEqualTo("balance");
        assertThat(fr.path("summary").path("fr").asText()).isEqualTo(customer + " doit 100,00 $, dont 100,00 $ en retard.");
        assertThat(fr.path("data").path("balance").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(en.path("status").asText()).isEqualTo("answered");
        assertThat(en.path("summary").path("en").asText()).isEqualTo(customer + " owes $100.00, of which $100.00 is overdue.");
        assertThat(statusOf(fr)).isEqualTo("answered");
    }

    @Test
    void severalMatchingCustomersAskWhichOneWithTheCandidates() {
        String surname = "Homonyme" + (char) ('a' + NEXT.incrementAndGet() % 26) + (char) ('a' + NEXT.incrementAndGet() % 26) + "x";
        String first = customers.create(surname, false, false, false);
        String second = customers.create(surname, false, false, false);

        JsonNode answer = ask("ops", "Suspends Test " + surname + " pour non-paiement", "fr", null).getBody();

        assertThat(answer.path("status").asText()).isEqualTo("clarification");
        assertThat(answer.path("intent").asText()).isEqualTo("suspend");
        assertThat(answer.path("candidates").findValuesAsText("id")).containsExactlyInAnyOrder(first, second);
        assertThat(answer.path("summary").path("fr").asText()).startsWith("2 clients correspondent");
        assertThat(answer.path("expiresAt").isMissingNode() || answer.path("expiresAt").isNull()).as("no expiry for a question").isTrue();

        JsonNode picked = ask("ops", "Suspends Test " + surname + " pour non-paiement", "fr", second).getBody();

        assertThat(picked.path("status").asText()).as("the candidate picked is on screen").isEqualTo("proposed");
        assertThat(picked.path("parameters").path("customerId").asText()).isEqualTo(second);
    }

    @Test
    void aSecretIsRefusedAndNotKept() {
        JsonNode answer = ask("ops", "Quel est le NIP de boîte vocale 4821 du 450-272-2408 ?", "fr", null).getBody();

        assertThat(answer.path("status").asText()).isEqualTo("refused");
        assertThat(answer.path("summary").path("fr").asText()).startsWith("Désolé").contains("écriture seule");
        String kept = jdbc.sql("SELECT text FROM automation.assistant_command WHERE id = CAST(:id AS uuid)").param("id", answer.path("id").asText())
                .query(String.class).single();
        assertThat(kept).doesNotContain("4821").doesNotContain("272");
        assertThat(audit(answer)).containsExactly("assistant.refused");
    }

    @Test
    void aDestructiveRequestIsRefusedInEnglish() {
        JsonNode answer = ask("admin", "Delete all customers", "en", null).getBody();

        assertThat(answer.path("status").asText()).isEqualTo("refused");
        assertThat(answer.path("summary").path("en").asText()).isEqualTo("Sorry, I do not delete anything: deletions are not done through the assistant.");
    }

    @Test
    void aConfirmedDispatchBooksATechnicianLikeTheApi() {
        String technician = jdbc.sql("INSERT INTO automation.technician (name, skills) VALUES ('Tech Assistant', '{\"wifi\": 5}') RETURNING technician_no")
                .query(String.class).single();
        JsonNode proposal = propose("Envoie un technicien chez " + customer + " demain en après-midi pour le wifi avec " + technician, "fr");
        assertThat(proposal.path("parameters").path("date").asText()).isEqualTo(start.plusDays(1).toString());
        assertThat(proposal.path("parameters").path("window").asText()).isEqualTo("pm");
        assertThat(proposal.path("parameters").path("skill").asText()).isEqualTo("wifi");

        JsonNode result = confirm("ops", proposal).getBody();

        assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("executed");
        String job = result.path("result").path("id").asText();
        assertThat(result.path("result").path("technicianId").asText()).isEqualTo(technician);
        assertThat(jdbc.sql("SELECT kind || ' ' || booking_window || ' ' || booked_by FROM automation.dispatch_job WHERE job_no = :no").param("no", job)
                .query(String.class).single()).isEqualTo("visit pm ops");
    }

    @Test
    void aConfirmedStripeSwitchSendsTheCustomerTheLinkLikeTheApi() {
        JsonNode proposal = propose("Switch " + customer + " to Stripe auto-charge", "en");
        assertThat(proposal.path("calls").toString()).isEqualTo("[\"Stripe\",\"SMS/courriel\"]");

        JsonNode result = confirm("ops", proposal).getBody();

        assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("executed");
        assertThat(result.path("result").path("status").asText()).isEqualTo("link-sent");
        assertThat(jdbc.sql("SELECT count(*) FROM automation.stripe_switch s JOIN automation.customer c ON c.id = s.customer_id WHERE c.customer_no = :c")
                .param("c", customer).query(Long.class).single()).isEqualTo(1);
        assertThat(result.toString()).doesNotContain("checkout.stripe.com");
    }

    @Test
    void aConfirmedSuspensionStartsTheSuspensionProcessLikeTheApiAndIsAudited() {
        JsonNode proposal = propose("Suspends " + customer + " pour non-paiement", "fr");

        assertThat(proposal.path("intent").asText()).isEqualTo("suspend");
        assertThat(proposal.path("parameters").path("reason").asText()).isEqualTo("non-payment");
        assertThat(proposal.path("calls").toString()).contains("OLT", "PBX");
        assertThat(proposal.path("summary").path("fr").asText()).startsWith("Suspendre le service de " + customer);
        assertThat(java.time.OffsetDateTime.parse(proposal.path("expiresAt").asText()).toInstant())
                .isEqualTo(ClockUtil.getCurrentTime().toInstant().plusSeconds(600));

        ResponseEntity<JsonNode> confirmed = confirm("ops", proposal);

        assertThat(confirmed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(confirmed.getBody().path("status").asText()).isEqualTo("executed");
        String instance = confirmed.getBody().path("result").path("processInstanceId").asText();
        assertThat(confirmed.getBody().path("result").path("processKey").asText()).isEqualTo("suspension");
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance).processDefinitionKey("suspension")
                .processInstanceBusinessKey(customer).count()).isEqualTo(1);
        assertThat(audit(proposal)).containsExactly("assistant.proposed", "assistant.confirmed", "assistant.executed");
        assertThat(jdbc.sql("SELECT DISTINCT actor FROM automation.audit_log WHERE entity_ref = :id").param("id", proposal.path("id").asText())
                .query(String.class).list()).containsExactly("ops");
        assertThat(jdbc.sql("SELECT count(*) FROM automation.audit_log WHERE action = 'suspension.requested' AND entity_ref = :c AND actor = 'ops'")
                .param("c", customer).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aConfirmedArrangementIsRecordedLikeTheApi() {
        JsonNode proposal = propose("Set up a payment plan for " + customer + ": $150 by " + start.plusDays(5) + ", disconnect on "
                + start.plusDays(12) + " if missed", "en");

        assertThat(proposal.path("summary").path("en").asText()).contains("$150.00");
        JsonNode result = confirm("ops", proposal).getBody();

        assertThat(result.path("status").asText()).isEqualTo("executed");
        Map<String, Object> row = jdbc.sql("""
                SELECT a.amount, a.due_date, a.cutoff_date, a.staff FROM automation.payment_arrangement a JOIN automation.customer c ON c.id = a.customer_id
                WHERE c.customer_no = :c
                """).param("c", customer).query().singleRow();
        assertThat((BigDecimal) row.get("amount")).isEqualByComparingTo("150.00");
        assertThat(row.get("due_date").toString()).isEqualTo(start.plusDays(5).toString());
        assertThat(row.get("cutoff_date").toString()).isEqualTo(start.plusDays(12).toString());
        assertThat(row.get("staff")).isEqualTo("ops");
    }

    @Test
    void aConfirmedQuoteIsCreatedAndItsSalesProcessStartsLikeTheApi() {
        JsonNode proposal = propose("Crée une soumission pour " + customer + " : fibre 100M + routeur Wi-Fi", "fr");

        assertThat(proposal.path("parameters").path("skus").toString()).isEqualTo("[\"FIB-100\",\"RTR-RENT\"]");
        JsonNode result = confirm("ops", proposal).getBody();

        String quote = result.path("result").path("id").asText();
        assertThat(quote).matches("SOQ-\\d{5,}");
        assertThat(result.path("result").path("lines").findValuesAsText("sku")).containsExactly("FIB-100", "RTR-RENT");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("sales-activation").processInstanceBusinessKey(quote).count())
                .isEqualTo(1);
    }

    @Test
    void aConfirmedRebootOfTheCustomerOnScreen() {
        String ont = customers.installOnt(customer, fakes);
        fakes.preloadCpe(ont, "3C:52:C1:00:" + String.format("%02X:%02X", NEXT.get() % 256, NEXT.incrementAndGet() % 256), 2);
        JsonNode proposal = ask("ops", "Redémarre son routeur", "fr", customer).getBody();
        assertThat(proposal.path("intent").asText()).isEqualTo("reboot");
        assertThat(proposal.path("calls").toString()).isEqualTo("[\"GenieACS\"]");

        JsonNode result = confirm("ops", proposal).getBody();

        assertThat(result.path("status").asText()).isEqualTo("executed");
        fakes.server().verify(request().withMethod("POST").withPath("/genieacs/devices/.*" + ont + "/tasks")
                .withBody(JsonBody.json("{\"name\":\"reboot\"}")), VerificationTimes.once());
    }

    @Test
    void aConfirmedLineIsOrderedLikeTheApi() {
        String did = "81955" + String.format("%05d", NEXT.incrementAndGet() % 100000);
        JsonNode proposal = propose("Ajoute la ligne " + did.substring(0, 3) + "-" + did.substring(3, 6) + "-" + did.substring(6)
                + " avec boîte vocale pour " + customer, "fr");
        assertThat(proposal.path("calls").toString()).isEqualTo("[\"PBX\",\"911\"]");

        JsonNode result = confirm("ops", proposal).getBody();

        assertThat(result.path("result").path("did").asText()).isEqualTo(did);
        String instance = result.path("result").path("processInstanceId").asText();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance).processDefinitionKey("voip-line").count()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM automation.voip_line v JOIN automation.customer c ON c.id = v.customer_id WHERE v.did = :did AND c.customer_no = :c")
                .param("did", did).param("c", customer).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void twoConfirmationsAtOnceExecuteOnce() throws Exception {
        JsonNode proposal = propose("Entente de paiement pour " + customer + " : 150 $ d'ici le " + start.plusDays(5).getDayOfMonth() + " "
                + month(start.plusDays(5)) + ", coupure le " + start.plusDays(12).getDayOfMonth() + " " + month(start.plusDays(12)), "fr");
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<HttpStatus>> confirmations = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            confirmations.add(CompletableFuture.supplyAsync(() -> {
                try {
                    together.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return HttpStatus.valueOf(confirm("ops", proposal).getStatusCode().value());
            }));
        }

        List<HttpStatus> statuses = confirmations.stream().map(CompletableFuture::join).toList();

        assertThat(statuses).containsExactlyInAnyOrder(HttpStatus.OK, HttpStatus.CONFLICT);
        assertThat(jdbc.sql("SELECT count(*) FROM automation.payment_arrangement a JOIN automation.customer c ON c.id = a.customer_id WHERE c.customer_no = :c")
                .param("c", customer).query(Long.class).single()).isEqualTo(1);
        assertThat(statusOf(proposal)).isEqualTo("executed");
    }

    @Test
    void aCancelledProposalCannotBeConfirmed() {
        JsonNode proposal = propose("Rebranche " + customer, "fr");

        ResponseEntity<JsonNode> cancelled = as("ops").exchange("/api/assistant/commands/" + proposal.path("id").asText(), HttpMethod.DELETE, null,
                JsonNode.class);

        assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(cancelled.getBody().path("status").asText()).isEqualTo("cancelled");
        assertThat(confirm("ops", proposal).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(audit(proposal)).containsExactly("assistant.proposed", "assistant.cancelled");
    }

    @Test
    void aProposalExpiresAfterTenMinutes() {
        JsonNode proposal = propose("Suspends " + customer + " pour non-paiement", "fr");
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(10 * 60 + 1)));

        ResponseEntity<JsonNode> late = confirm("ops", proposal);

        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(late.getBody().path("detail").asText()).contains("expiré", "expired");
        assertThat(statusOf(proposal)).isEqualTo("expired");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("suspension").processInstanceBusinessKey(customer).count()).isZero();
        assertThat(audit(proposal)).containsExactly("assistant.proposed", "assistant.expired");
    }

    @Test
    void analystsMayAskButNotConfirmChanges() {
        ResponseEntity<JsonNode> proposed = ask("analyst", "Suspend " + customer + " for non-payment", "en", null);
        assertThat(proposed.getBody().path("status").asText()).isEqualTo("proposed");

        assertThat(confirm("analyst", proposed.getBody()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(statusOf(proposed.getBody())).isEqualTo("proposed");
    }

    @Test
    void onlyTheUserWhoAskedMayConfirmAndAnonymousIsUnauthorized() {
        JsonNode proposal = propose("Suspend " + customer + " for non-payment", "en");

        assertThat(confirm("admin", proposal).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.postForEntity("/api/assistant/commands", Map.of("text", "What does " + customer + " owe?", "locale", "en"), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.postForEntity("/api/assistant/commands/" + proposal.path("id").asText() + "/confirm", null, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(statusOf(proposal)).isEqualTo("proposed");
    }

    @Test
    void aBadRequestNamesTheField() {
        ResponseEntity<JsonNode> bad = as("ops").postForEntity("/api/assistant/commands", Map.of("text", "Quel est le solde ?", "locale", "de"),
                JsonNode.class);

        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().path("errors").findValuesAsText("field")).containsExactly("locale");
    }

    private List<String> audit(JsonNode command) {
        return jdbc.sql("SELECT action FROM automation.audit_log WHERE entity_type = 'assistant-command' AND entity_ref = :id ORDER BY id")
                .param("id", command.path("id").asText()).query(String.class).list();
    }

    private static String month(java.time.LocalDate day) {
        return java.time.format.DateTimeFormatter.ofPattern("MMMM", java.util.Locale.CANADA_FRENCH).format(day);
    }
}
