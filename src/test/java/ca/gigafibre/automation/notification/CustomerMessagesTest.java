package ca.gigafibre.automation.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockserver.model.HttpRequest.request;

import ca.gigafibre.automation.adapter.fake.FakeExternalSystems;
import ca.gigafibre.automation.adapter.fake.FakeMailServer;
import ca.gigafibre.automation.testing.BusinessDayClock;
import ca.gigafibre.automation.testing.IntegrationTest;
import ca.gigafibre.automation.testing.Jobs;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Customer messages: the preferred channel (e-mail over real SMTP, or SMS), the customer's language, and never twice. */
class CustomerMessagesTest extends IntegrationTest {

    @Autowired
    FakeExternalSystems fakes;

    @Autowired
    FakeMailServer mail;

    @Autowired
    Jobs jobs;

    @Autowired
    BusinessDayClock clock;

    @Autowired
    ca.gigafibre.automation.testing.Crashes crashes;

    private LocalDate today;

    @BeforeEach
    void businessHours() {
        fakes.reset();
        mail.reset();
        today = clock.businessDay();
    }

    @AfterEach
    void realClock() {
        clock.reset();
    }

    @Test
    void aCustomerWhoPrefersEmailGetsTheInvoiceByEmailInTheirLanguage() throws Exception {
        String customer = customer("Courriel", "en", "email", "ann.email@example.com");
        String invoice = invoice(customer);
        jobs.runDue(invoice);

        List<MimeMessage> received = mail.received();
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getAllRecipients()[0].toString()).isEqualTo("ann.email@example.com");
        assertThat(received.get(0).getSubject()).isEqualTo("Your TARGO invoice");
        assertThat(received.get(0).getContent().toString()).contains("TARGO: your invoice " + invoice + " of $23.00");
        assertThat(texts()).isZero();
        assertThat(jdbc.sql("SELECT channel || ' ' || state || ' ' || recipient_hint FROM automation.notification WHERE natural_key = :k")
                .param("k", "invoice-issued:" + invoice).query(String.class).single()).isEqualTo("email sent a***@example.com");
    }

    @Test
    void aCustomerWhoPrefersEmailButHasNoAddressIsTexted() {
        String customer = customer("SansCourriel", "fr", "email", null);
        String invoice = invoice(customer);
        jobs.runDue(invoice);

        assertThat(mail.received()).isEmpty();
        assertThat(texts()).isEqualTo(1);
    }

    @Test
    void aRetriedJobNeverTextsTwice() {
        String customer = customer("Reprise", "fr", "sms", null);
        String[] invoice = new String[1];
        crashes.onceOn("UPDATE", "notification", () -> {
            invoice[0] = invoice(customer);
            assertThat(jobs.runDue(invoice[0])).hasSize(1);   // texted, then the job died before the ledger heard it went
        });

        jobs.force(jobs.jobs(invoice[0]).get(0));

        assertThat(texts()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT state FROM automation.notification WHERE natural_key = :k").param("k", "invoice-issued:" + invoice[0])
                .query(String.class).single()).isEqualTo("requested");   // outcome unknown: never sent again blindly
    }

    private int texts() {
        return fakes.server().retrieveRecordedRequests(request().withMethod("POST").withPath("/twilio/2010-04-01/Accounts/.*/Messages.json")).length;
    }

    private String invoice(String customer) {
        return as("ops").postForObject("/api/invoices", Map.of("customerId", customer, "issueDate", today.toString(),
                "dueDate", today.plusDays(21).toString(), "lines", List.of(Map.of("description", "Fibre", "quantity", 1, "unitPrice", "20.00"))),
                JsonNode.class).path("id").asText();
    }

    private String customer(String lastName, String language, String channel, String email) {
        Map<String, Object> body = new HashMap<>(Map.of("firstName", "Test", "lastName", lastName, "language", language,
                "preferredChannel", channel, "cellPhone", "450-555-0101",
                "location", Map.of("streetNumber", "12", "streetName", "Rue Principale", "city", "Granby", "postalCode", "J2G 1A1")));
        if (email != null) {
            body.put("email", email);
        }
        return as("ops").postForObject("/api/customers", body, JsonNode.class).path("id").asText();
    }
}
