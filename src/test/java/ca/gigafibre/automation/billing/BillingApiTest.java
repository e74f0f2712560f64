package ca.gigafibre.automation.billing;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.testing.IntegrationTest;
import ca.gigafibre.automation.testing.TestCustomers;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

class BillingApiTest extends IntegrationTest {

    @Autowired
    TestCustomers customers;

    private String customer;

    @BeforeEach
    void customerWithAPlan() {
        customer = customers.create("Billing", false, false, false);
        jdbc.sql("""
                INSERT INTO automation.plan (sku, name_fr, name_en, price, billing_frequency, category, download_mbps, upload_mbps)
                VALUES ('TEST-FIB-300', 'Fibre 300', 'Fibre 300', 74.95, 'monthly', 'internet', 300, 300) ON CONFLICT (sku) DO NOTHING
                """).update();
    }

    @Test
    void subscriptionTakesThePlanPriceAndFrequency() {
        ResponseEntity<JsonNode> answer = as("ops").postForEntity("/api/customers/" + customer + "/subscriptions",
                Map.of("sku", "TEST-FIB-300", "startDate", "2026-11-01"), JsonNode.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(answer.getBody().path("id").asText()).matches("SUB-\\d{5,}");
        assertThat(answer.getBody().path("unitPrice").decimalValue()).isEqualByComparingTo("74.95");
        assertThat(answer.getBody().path("billingFrequency").asText()).isEqualTo("monthly");
        assertThat(answer.getBody().path("status").asText()).isEqualTo("active");
    }

    @Test
    void unknownSkuIsNamed() {
        long before = count("subscription");
        ResponseEntity<JsonNode> answer = as("ops").postForEntity("/api/customers/" + customer + "/subscriptions",
                Map.of("sku", "NO-SUCH-SKU", "startDate", "2026-11-01"), JsonNode.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(answer.getBody().path("errors").get(0).path("field").asText()).isEqualTo("sku");
        assertThat(count("subscription")).isEqualTo(before);
    }

    @Test
    void invoiceTaxesAreComputedOnceOnTheSubtotalAndTheBalanceShowsIt() {
        ResponseEntity<JsonNode> answer = as("ops").postForEntity("/api/invoices", Map.of("customerId", customer,
                "issueDate", LocalDate.now().minusDays(40).toString(), "dueDate", LocalDate.now().minusDays(10).toString(),
                "lines", List.of(Map.of("sku", "FIB-100", "description", "Fibre 100", "quantity", 1, "unitPrice", "59.95"),
                        Map.of("description", "Frais", "quantity", 2, "unitPrice", "12.475"))), JsonNode.class);

        // money has two decimals: a unit price of 12.475 is refused rather than rounded behind the client's back
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().path("errors").get(0).path("field").asText()).isEqualTo("lines[1].unitPrice");

        answer = as("ops").postForEntity("/api/invoices", Map.of("customerId", customer,
                "issueDate", LocalDate.now().minusDays(40).toString(), "dueDate", LocalDate.now().minusDays(10).toString(),
                "lines", List.of(Map.of("sku", "FIB-100", "description", "Fibre 100", "quantity", 1, "unitPrice", "59.95"),
                        Map.of("description", "Ligne", "quantity", 1, "unitPrice", "24.95"))), JsonNode.class);

        // 59.95 + 24.95 = 84.90; TPS 4.245 → 4.25; TVQ 8.468775 → 8.47
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode invoice = answer.getBody();
        assertThat(invoice.path("id").asText()).matches("INV-\\d{7,}");
        assertThat(invoice.path("subtotal").decimalValue()).isEqualByComparingTo("84.90");
        assertThat(invoice.path("tps").decimalValue()).isEqualByComparingTo("4.25");
        assertThat(invoice.path("tvq").decimalValue()).isEqualByComparingTo("8.47");
        assertThat(invoice.path("total").decimalValue()).isEqualByComparingTo("97.62");
        JsonNode balance = as("ops").getForObject("/api/customers/" + customer + "/balance", JsonNode.class);
        assertThat(balance.path("balance").decimalValue()).isEqualByComparingTo("97.62");
        assertThat(balance.path("overdue").decimalValue()).isEqualByComparingTo("97.62");
        assertThat(balance.path("openInvoices").get(0).path("id").asText()).isEqualTo(invoice.path("id").asText());
    }

    @Test
    void badInvoiceInputIsNamedAndNothingIsWritten() {
        long invoices = count("invoice");
        long lines = count("invoice_line");

        assertField(Map.of("customerId", customer, "issueDate", "2026-11-01", "dueDate", "2026-11-20",
                "lines", List.of(Map.of("description", "x", "quantity", -1, "unitPrice", "10.00"))), HttpStatus.BAD_REQUEST, "lines[0].quantity");
        assertField(Map.of("customerId", customer, "issueDate", "2026-11-01", "dueDate", "2026-11-20",
                "lines", List.of(Map.of("description", "x", "quantity", 1, "unitPrice", "dix dollars"))), HttpStatus.BAD_REQUEST, "lines[0].unitPrice");
        assertField(Map.of("customerId", customer, "issueDate", "2026-11-20", "dueDate", "2026-11-01",
                "lines", List.of(Map.of("description", "x", "quantity", 1, "unitPrice", "10.00"))), HttpStatus.UNPROCESSABLE_ENTITY, "dueDate");
        assertField(Map.of("customerId", "C-99999999", "issueDate", "2026-11-01", "dueDate", "2026-11-20",
                "lines", List.of(Map.of("description", "x", "quantity", 1, "unitPrice", "10.00"))), HttpStatus.NOT_FOUND, "customerId");
        assertField(Map.of("customerId", customer, "issueDate", "2026-11-01", "dueDate", "2026-11-20", "lines", List.of()),
                HttpStatus.BAD_REQUEST, "lines");

        assertThat(count("invoice")).isEqualTo(invoices);
        assertThat(count("invoice_line")).isEqualTo(lines);
    }

    @Test
    void malformedJsonIsAProblemToo() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> answer = as("ops").postForEntity("/api/invoices", new HttpEntity<>("{\"customerId\": ", headers), JsonNode.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getHeaders().getContentType().toString()).contains("application/problem+json");
    }

    private void assertField(Map<String, Object> body, HttpStatus status, String field) {
        ResponseEntity<JsonNode> answer = as("ops").postForEntity("/api/invoices", body, JsonNode.class);
        assertThat(answer.getStatusCode()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(answer.getBody().path("errors").findValuesAsText("field")).contains(field);
    }
}
