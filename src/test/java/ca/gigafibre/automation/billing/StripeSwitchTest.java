package ca.gigafibre.automation.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockserver.model.HttpRequest.request;

import ca.gigafibre.automation.adapter.fake.FakeExternalSystems;
import ca.gigafibre.automation.billing.stripe.StripeSwitchService;
import ca.gigafibre.automation.testing.BusinessDayClock;
import ca.gigafibre.automation.testing.DatabaseScan;
import ca.gigafibre.automation.testing.IntegrationTest;
import ca.gigafibre.automation.testing.TestCustomers;
import com.fasterxml.jackson.databind.JsonNode;
import com.stripe.net.Webhook;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockserver.model.HttpRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * {@code POST /api/customers/{id}/ppa/stripe-switch}: a Stripe customer and a setup page, the link sent to the customer in
 * their language inside the notification window; {@code setup_intent.succeeded} saves the card and switches PPA to
 * Stripe with the limits kept, once; an expired page or a forged event changes nothing.
 */
@ExtendWith(OutputCaptureExtension.class)
class StripeSwitchTest extends IntegrationTest {

    private static final String SECRET = "whsec_gigafibre_demo";

    @Autowired
    TestCustomers customers;

    @Autowired
    FakeExternalSystems fakes;

    @Autowired
    BusinessDayClock clock;

    @Autowired
    StripeSwitchService switches;

    @Autowired
    DatabaseScan database;

    private String customer;
    private String cell;

    @BeforeEach
    void aCustomerOnBankDebitsWithLimits() {
        clock.businessDay();   // 10:00 on a business day: inside the notification window
        cell = "450-555-" + String.format("%04d", (int) (Math.random() * 10_000));
        customer = customers.create("Carte", false, false, false, null, null, cell);
        as("ops").postForEntity("/api/customers/" + customer + "/payment-methods", Map.of("kind", "bank-ppa", "bankInstitution", "001",
                "bankTransit", "12345", "bankAccount", "1234567"), JsonNode.class);
        ResponseEntity<JsonNode> ppa = as("ops").exchange("/api/customers/" + customer + "/ppa", HttpMethod.PUT, new HttpEntity<>(Map.of(
                "enabled", true, "method", "bank", "limit", "150.00", "buffer", "10.00", "padAgreement", Map.of("channel", "phone"))), JsonNode.class);
        assertThat(ppa.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @AfterEach
    void realClock() {
        clock.reset();
    }

    @Test
    void theCustomerReceivesTheLinkInTheirLanguage() {
        ResponseEntity<JsonNode> asked = ask();

        assertThat(asked.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        JsonNode sw = asked.getBody();
        assertThat(sw.path("id").asText()).startsWith("SSW-");
        assertThat(sw.path("status").asText()).isEqualTo("link-sent");
        assertThat(sw.path("stripeCustomerId").asText()).startsWith("cus_");
        assertThat(sw.path("requestedBy").asText()).isEqualTo("ops");
        String[] texts = textsTo(cell);
        assertThat(texts).hasSize(1);
        assertThat(texts[0]).contains("enregistrez votre carte").contains("https://checkout.stripe.com/c/pay/" + sw.path("checkoutSessionId").asText());
        assertThat(jdbc.sql("SELECT state FROM automation.notification WHERE natural_key = :k").param("k", "stripe-switch:" + sw.path("id").asText())
                .query(String.class).single()).isEqualTo("sent");
        // the page is Stripe's, in setup mode, for that customer, tagged with the switch, in French
        HttpRequest[] sessions = fakes.server().retrieveRecordedRequests(request().withMethod("POST").withPath("/stripe/v1/checkout/sessions"));
        String body = Arrays.stream(sessions).map(HttpRequest::getBodyAsString).filter(b -> b.contains(sw.path("id").asText())).findFirst().orElseThrow();
        assertThat(java.net.URLDecoder.decode(body, StandardCharsets.UTF_8)).contains("mode=setup").contains("customer=" + sw.path("stripeCustomerId").asText())
                .contains("setup_intent_data[metadata][switch_id]=" + sw.path("id").asText()).contains("locale=fr-CA");

        jdbc.sql("UPDATE automation.customer SET language = 'en' WHERE customer_no = :c").param("c", customer).update();
        webhook("checkout.session.expired", fakes.expireStripeSetup(sw.path("checkoutSessionId").asText()));
        ask();
        assertThat(textsTo(cell)).hasSize(2).anySatisfy(t -> assertThat(t).startsWith("TARGO: to have your invoices paid automatically by credit card"));
    }

    @Test
    void askingAgainWhileALinkWaitsAnswersTheSameSwitchAndSendsNothing() {
        String first = ask().getBody().path("id").asText();

        ResponseEntity<JsonNode> again = ask();

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(again.getBody().path("id").asText()).isEqualTo(first);
        assertThat(again.getBody().path("alreadyWaiting").asBoolean()).isTrue();
        assertThat(textsTo(cell)).hasSize(1);
        assertThat(fakes.server().retrieveRecordedRequests(request().withMethod("POST").withPath("/stripe/v1/checkout/sessions")))
                .filteredOn(r -> r.getBodyAsString().contains(first)).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM automation.stripe_switch s JOIN automation.customer c ON c.id = s.customer_id WHERE c.customer_no = :c")
                .param("c", customer).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theSavedCardSwitchesPpaToStripeKeepingTheLimitsOnce() {
        JsonNode sw = ask().getBody();
        String event = "evt_" + UUID.randomUUID().toString().replace("-", "");
        String payload = event(event, "setup_intent.succeeded", fakes.completeStripeSetup(sw.path("checkoutSessionId").asText()));

        ResponseEntity<JsonNode> first = post(payload, sign(payload, SECRET));
        ResponseEntity<JsonNode> replayed = post(payload, sign(payload, SECRET));

        assertThat(first.getBody().path("handled").asText()).startsWith("ppa switched to stripe");
        assertThat(replayed.getBody().path("handled").asText()).isEqualTo("duplicate");
        JsonNode ppa = as("ops").getForObject("/api/customers/" + customer + "/ppa", JsonNode.class);
        assertThat(ppa.path("enabled").asBoolean()).isTrue();
        assertThat(ppa.path("method").asText()).isEqualTo("stripe");
        assertThat(ppa.path("limit").decimalValue()).isEqualByComparingTo("150.00");
        assertThat(ppa.path("buffer").decimalValue()).isEqualByComparingTo("10.00");
        JsonNode cards = as("ops").getForObject("/api/customers/" + customer + "/payment-methods", JsonNode.class);
        assertThat(cards.findValuesAsText("kind")).containsExactlyInAnyOrder("bank-ppa", "stripe-card");
        JsonNode card = java.util.stream.StreamSupport.stream(cards.spliterator(), false).filter(c -> c.path("kind").asText().equals("stripe-card"))
                .findFirst().orElseThrow();
        assertThat(card.path("cardLast4").asText()).isEqualTo("4242");
        assertThat(card.path("stripeCustomerId").asText()).isEqualTo(sw.path("stripeCustomerId").asText());
        JsonNode done = as("analyst").getForObject("/api/customers/" + customer + "/ppa/stripe-switch", JsonNode.class);
        assertThat(done.path("status").asText()).isEqualTo("completed");
        assertThat(done.path("paymentMethodId").asLong()).isEqualTo(card.path("id").asLong());
        assertThat(jdbc.sql("SELECT count(*) FROM automation.audit_log WHERE action = 'ppa.stripe-switch.completed' AND entity_ref = :c")
                .param("c", customer).query(Long.class).single()).isEqualTo(1);

        // a new switch reuses the account's Stripe customer
        assertThat(ask().getBody().path("stripeCustomerId").asText()).isEqualTo(sw.path("stripeCustomerId").asText());
    }

    @Test
    void aForgedEventWritesNothing() {
        JsonNode sw = ask().getBody();
        String payload = event("evt_forged_" + UUID.randomUUID(), "setup_intent.succeeded",
                fakes.completeStripeSetup(sw.path("checkoutSessionId").asText()));

        ResponseEntity<JsonNode> refused = post(payload, sign(payload, "whsec_someone_else"));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(as("ops").getForObject("/api/customers/" + customer + "/ppa", JsonNode.class).path("method").asText()).isEqualTo("bank");
        assertThat(as("ops").getForObject("/api/customers/" + customer + "/payment-methods", JsonNode.class).findValuesAsText("kind"))
                .containsExactly("bank-ppa");
        assertThat(as("ops").getForObject("/api/customers/" + customer + "/ppa/stripe-switch", JsonNode.class).path("status").asText())
                .isEqualTo("link-sent");
    }

    @Test
    void aPageLeftUnusedLeavesPpaAsItWas() {
        JsonNode sw = ask().getBody();

        webhook("checkout.session.expired", fakes.expireStripeSetup(sw.path("checkoutSessionId").asText()));

        JsonNode after = as("ops").getForObject("/api/customers/" + customer + "/ppa/stripe-switch", JsonNode.class);
        assertThat(after.path("status").asText()).isEqualTo("expired");
        JsonNode ppa = as("ops").getForObject("/api/customers/" + customer + "/ppa", JsonNode.class);
        assertThat(ppa.path("method").asText()).isEqualTo("bank");
        assertThat(ppa.path("limit").decimalValue()).isEqualByComparingTo("150.00");
        // once it ended, asking again makes a new switch
        assertThat(ask().getBody().path("id").asText()).isNotEqualTo(sw.path("id").asText());
    }

    @Test
    void outsideTheNotificationWindowTheLinkWaitsForIt() {
        clock.saturday();   // 10:00 on a Saturday: no message goes out
        JsonNode sw = ask().getBody();
        assertThat(sw.path("status").asText()).isEqualTo("link-scheduled");
        assertThat(textsTo(cell)).isEmpty();

        clock.at(clock.nextCutDay(java.time.LocalDate.now(ca.gigafibre.automation.platform.time.BusinessTime.ZONE).plusDays(2)));
        switches.sendScheduledLinks();

        assertThat(as("ops").getForObject("/api/customers/" + customer + "/ppa/stripe-switch", JsonNode.class).path("status").asText())
                .isEqualTo("link-sent");
        assertThat(textsTo(cell)).hasSize(1);
    }

    @Test
    void theLinkIsInNoLogNoTableAndNoProcessVariable(CapturedOutput output) {
        JsonNode sw = ask().getBody();
        webhook("setup_intent.succeeded", fakes.completeStripeSetup(sw.path("checkoutSessionId").asText()));

        String link = "https://checkout.stripe.com/c/pay/" + sw.path("checkoutSessionId").asText();
        assertThat(textsTo(cell)[0]).contains(link);   // the customer got it ...
        assertThat(output.getAll()).doesNotContain(link).doesNotContain("checkout.stripe.com");   // ... nobody else
        assertThat(database.tablesContaining("checkout.stripe.com")).isEmpty();
    }

    @Test
    void aCustomerWithNoWayToReceiveTheLinkIsRefused() {
        String unreachable = customers.create("Injoignable", false, false, false, null, "450-555-0111", null);

        ResponseEntity<JsonNode> refused = as("ops").postForEntity("/api/customers/" + unreachable + "/ppa/stripe-switch", null, JsonNode.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().path("errors").get(0).path("field").asText()).isEqualTo("id");
        assertThat(as("analyst").postForEntity("/api/customers/" + customer + "/ppa/stripe-switch", null, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    private ResponseEntity<JsonNode> ask() {
        return as("ops").postForEntity("/api/customers/" + customer + "/ppa/stripe-switch", null, JsonNode.class);
    }

    /** The texts the fake Twilio received for this number. */
    private String[] textsTo(String phone) {
        String digits = phone.replaceAll("\\D", "");
        return Arrays.stream(fakes.server().retrieveRecordedRequests(request().withMethod("POST").withPath("/twilio/2010-04-01/Accounts/.*/Messages.json")))
                .map(r -> java.net.URLDecoder.decode(r.getBodyAsString(), StandardCharsets.UTF_8))
                .filter(b -> b.replaceAll("\\D", "").contains(digits))
                .map(b -> b.substring(b.indexOf("Body=") + 5).split("&")[0])
                .toArray(String[]::new);
    }

    private void webhook(String type, String object) {
        String payload = event("evt_" + UUID.randomUUID().toString().replace("-", ""), type, object);
        assertThat(post(payload, sign(payload, SECRET)).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private static String event(String id, String type, String object) {
        return "{\"id\":\"" + id + "\",\"object\":\"event\",\"api_version\":\"2025-07-30.basil\",\"created\":" + (System.currentTimeMillis() / 1000)
                + ",\"type\":\"" + type + "\",\"livemode\":false,\"data\":{\"object\":" + object + "}}";
    }

    private static String sign(String payload, String secret) {
        long timestamp = System.currentTimeMillis() / 1000;
        try {
            return "t=" + timestamp + ",v1=" + Webhook.Util.computeHmacSha256(secret, timestamp + "." + payload);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private ResponseEntity<JsonNode> post(String payload, String signature) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Stripe-Signature", signature);
        return rest.postForEntity("/api/webhooks/stripe", new HttpEntity<>(payload, headers), JsonNode.class);
    }
}
