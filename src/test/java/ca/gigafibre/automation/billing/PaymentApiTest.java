package ca.gigafibre.automation.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.JsonBody.json;

import ca.gigafibre.automation.adapter.fake.FakeExternalSystems;
import ca.gigafibre.automation.testing.IntegrationTest;
import ca.gigafibre.automation.testing.Jobs;
import ca.gigafibre.automation.testing.TestCustomers;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockserver.verify.VerificationTimes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

class PaymentApiTest extends IntegrationTest {

    @Autowired
    TestCustomers customers;

    @Autowired
    FakeExternalSystems fakes;

    @Autowired
    Jobs jobs;

    private String customer;

    @Autowired
    ca.gigafibre.automation.testing.BusinessDayClock clock;

    @org.junit.jupiter.api.AfterEach
    void realClock() {
        clock.reset();
    }

    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;

    @BeforeEach
    void customerWithTwoOverdueInvoices() {
        fakes.reset();
        clock.businessDay();
        customer = customers.create("Payer", false, false, false);
        customers.overdueInvoice(customer, new BigDecimal("100.00"), 60);
        customers.overdueInvoice(customer, new BigDecimal("50.00"), 30);
    }

    @Test
    void paymentGoesToTheOldestInvoiceFirst() {
        ResponseEntity<JsonNode> paid = pay(Map.of("customerId", customer, "amount", "120.00", "method", "cheque", "reference", "CHQ 1042"), null);

        assertThat(paid.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode allocations = paid.getBody().path("allocations");
        assertThat(allocations).hasSize(2);
        assertThat(allocations.get(0).path("amount").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(allocations.get(0).path("invoicePaid").asBoolean()).isTrue();
        assertThat(allocations.get(1).path("amount").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(allocations.get(1).path("invoicePaid").asBoolean()).isFalse();
        assertThat(as("ops").getForObject("/api/customers/" + customer + "/balance", JsonNode.class).path("balance").decimalValue())
                .isEqualByComparingTo("30.00");
    }

    @Test
    void theSameIdempotencyKeyRecordsOnce() {
        Map<String, Object> body = Map.of("customerId", customer, "amount", "10.00", "method", "phone");
        ResponseEntity<JsonNode> first = pay(body, "retry-me-42");
        ResponseEntity<JsonNode> again = pay(body, "retry-me-42");

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().path("replayed").asBoolean()).isTrue();
        assertThat(again.getBody().path("id").asText()).isEqualTo(first.getBody().path("id").asText());
        assertThat(jdbc.sql("SELECT count(*) FROM automation.payment p JOIN automation.customer c ON c.id = p.customer_id WHERE c.customer_no = :no")
                .param("no", customer).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void badAmountsAndUnknownCustomersAreNamedAndNothingIsWritten() {
        long before = count("payment");
        assertField(Map.of("customerId", customer, "amount", "-5.00", "method", "cash"), HttpStatus.BAD_REQUEST, "amount");
        assertField(Map.of("customerId", customer, "amount", "cinq", "method", "cash"), HttpStatus.BAD_REQUEST, "amount");
        assertField(Map.of("customerId", customer, "amount", "5.001", "method", "cash"), HttpStatus.BAD_REQUEST, "amount");
        assertField(Map.of("customerId", customer, "amount", "5.00", "method", "bitcoin"), HttpStatus.BAD_REQUEST, "method");
        assertField(Map.of("customerId", "C-99999999", "amount", "5.00", "method", "cash"), HttpStatus.NOT_FOUND, "customerId");
        assertThat(count("payment")).isEqualTo(before);
    }

    @Test
    void suspendedAccountThatClearsItsBalanceIsReactivatedAndTheDecisionExplained() {
        String ont = customers.installOnt(customer, fakes);
        as("ops").postForEntity("/api/customers/" + customer + "/suspension", Map.of("reason", "non-payment"), JsonNode.class);
        jobs.runDue(customer);

        pay(Map.of("customerId", customer, "amount", "100.00", "method", "portal"), null);
        assertThat(jobs.runDue(customer)).isEmpty();
        assertThat(status()).isEqualTo("suspended");
        pay(Map.of("customerId", customer, "amount", "50.00", "method", "portal"), null);
        assertThat(jobs.runDue(customer)).isEmpty();

        assertThat(status()).isEqualTo("active");
        fakes.server().verify(request().withMethod("PATCH").withPath("/olt/v1/onts/" + ont).withBody(json("{\"state\":\"enabled\"}")),
                VerificationTimes.once());
        fakes.server().verify(request().withMethod("POST").withPath("/twilio/2010-04-01/Accounts/.*/Messages.json")
                .withBody(org.mockserver.model.ParameterBody.params(org.mockserver.model.Parameter.param("Body", ".*service est rétabli.*"))),
                VerificationTimes.once());
        JsonNode decisions = as("ops").getForObject("/api/customers/" + customer + "/decisions", JsonNode.class);
        assertThat(decisions.get(0).path("area").asText()).isEqualTo("reactivation");
        assertThat(decisions.get(0).path("outcome").asText()).isEqualTo("REACTIVATE");
        assertThat(decisions.get(0).path("rulesFired").get(0).asText()).isEqualTo("Overdue balance cleared: reactivate");
        assertThat(decisions.get(1).path("outcome").asText()).isEqualTo("STAY_SUSPENDED");
        assertThat(decisions.get(1).path("explanationFr").asText()).contains("50.00");
        assertThat(decisions.get(1).path("rulesetVersion").asText()).hasSize(12);
    }

    @Test
    void creditLeftOnTheAccountPaysTheNextInvoiceWhichIsThenNeitherChargedNorChased() {
        pay(Map.of("customerId", customer, "amount", "200.00", "method", "cheque"), null);   // 150 overdue, 50 left as credit
        java.time.LocalDate today = ca.gigafibre.automation.platform.time.BusinessTime.today();

        JsonNode invoice = as("ops").postForObject("/api/invoices", Map.of("customerId", customer, "issueDate", today.toString(),
                "dueDate", today.plusDays(21).toString(), "lines", java.util.List.of(Map.of("description", "Fibre", "quantity", 1, "unitPrice", "20.00"))),
                JsonNode.class);

        assertThat(invoice.path("status").asText()).isEqualTo("paid");
        assertThat(invoice.path("amountPaid").decimalValue()).isEqualByComparingTo("23.00");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(invoice.path("id").asText()).count()).isZero();
        assertThat(as("ops").getForObject("/api/customers/" + customer + "/balance", JsonNode.class).path("unallocatedCredit").decimalValue())
                .isEqualByComparingTo("27.00");
    }

    private String status() {
        return jdbc.sql("SELECT status FROM automation.customer WHERE customer_no = :no").param("no", customer).query(String.class).single();
    }

    private ResponseEntity<JsonNode> pay(Map<String, Object> body, String key) {
        HttpHeaders headers = new HttpHeaders();
        if (key != null) {
            headers.set("Idempotency-Key", key);
        }
        return as("ops").postForEntity("/api/payments", new HttpEntity<>(body, headers), JsonNode.class);
    }

    private void assertField(Map<String, Object> body, HttpStatus status, String field) {
        ResponseEntity<JsonNode> answer = pay(body, null);
        assertThat(answer.getStatusCode()).isEqualTo(status);
        assertThat(answer.getBody().path("errors").findValuesAsText("field")).contains(field);
    }
}
