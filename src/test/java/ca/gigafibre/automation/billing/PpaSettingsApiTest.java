package ca.gigafibre.automation.billing;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.testing.IntegrationTest;
import ca.gigafibre.automation.testing.TestCustomers;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** {@code PUT/GET /api/customers/{id}/ppa}: enrolment in pre-authorized payment, refused without the method on file. */
class PpaSettingsApiTest extends IntegrationTest {

    @Autowired
    TestCustomers customers;

    private String customer;

    @BeforeEach
    void newCustomer() {
        customer = customers.create("Ppa", false, false, false);
    }

    @Test
    void aNewAccountIsNotOnAutoPay() {
        JsonNode ppa = as("ops").getForObject("/api/customers/" + customer + "/ppa", JsonNode.class);
        assertThat(ppa.path("enabled").asBoolean()).isFalse();
        assertThat(ppa.path("method").isNull()).isTrue();
    }

    @Test
    void bankPpaWithoutABankAccountOnFileIsRefusedAndNothingIsWritten() {
        ResponseEntity<JsonNode> refused = put(Map.of("enabled", true, "method", "bank", "limit", "150.00", "buffer", "25.00"));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().path("errors").findValuesAsText("field")).containsExactly("method");
        assertThat(jdbc.sql("SELECT count(*) FROM automation.account_ppa_settings s JOIN automation.customer c ON c.id = s.customer_id "
                + "WHERE c.customer_no = :no").param("no", customer).query(Long.class).single()).isZero();
    }

    @Test
    void switchingToStripeAutoChargeWithACardOnFileAndBackOff() {
        as("ops").postForEntity("/api/customers/" + customer + "/payment-methods", Map.of("kind", "stripe-card", "stripeCustomerId", "cus_ppa1",
                "stripePaymentMethodId", "pm_ppa1", "cardBrand", "visa", "cardLast4", "4242", "cardExpMonth", 12, "cardExpYear", 2030), JsonNode.class);

        ResponseEntity<JsonNode> on = put(Map.of("enabled", true, "method", "stripe", "limit", "200.00", "buffer", "10.00"));

        assertThat(on.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode ppa = as("ops").getForObject("/api/customers/" + customer + "/ppa", JsonNode.class);
        assertThat(ppa.path("enabled").asBoolean()).isTrue();
        assertThat(ppa.path("method").asText()).isEqualTo("stripe");
        assertThat(ppa.path("limit").decimalValue()).isEqualByComparingTo("200.00");
        assertThat(ppa.path("buffer").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(jdbc.sql("SELECT stripe_customer_id FROM automation.account_ppa_settings s JOIN automation.customer c ON c.id = s.customer_id "
                + "WHERE c.customer_no = :no").param("no", customer).query(String.class).single()).isEqualTo("cus_ppa1");

        Map<String, Object> off = new HashMap<>();
        off.put("enabled", false);
        assertThat(put(off).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(as("ops").getForObject("/api/customers/" + customer + "/ppa", JsonNode.class).path("enabled").asBoolean()).isFalse();
    }

    @Test
    void badSettingsNameTheirField() {
        assertThat(put(Map.of("enabled", true)).getBody().path("errors").findValuesAsText("field")).containsExactly("method");
        assertThat(put(Map.of("enabled", true, "method", "cash")).getBody().path("errors").findValuesAsText("field")).containsExactly("method");
        ResponseEntity<JsonNode> negative = put(Map.of("enabled", true, "method", "stripe", "limit", "-5"));
        assertThat(negative.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(negative.getBody().path("errors").findValuesAsText("field")).containsExactly("limit");
        assertThat(as("ops").exchange("/api/customers/C-99999999/ppa", HttpMethod.PUT, new HttpEntity<>(Map.of("enabled", false)), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aBankEnrolmentRecordsThePadAgreementWhoTookItAndHow() {
        bankAccountOnFile();

        ResponseEntity<JsonNode> on = put(Map.of("enabled", true, "method", "bank", "limit", "150.00", "buffer", "25.00",
                "padAgreement", Map.of("channel", "phone", "agreedOn", "2026-01-15", "agreedBy", "someone-else")));

        assertThat(on.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode pad = as("ops").getForObject("/api/customers/" + customer + "/ppa", JsonNode.class).path("padAgreement");
        assertThat(pad.path("channel").asText()).isEqualTo("phone");
        assertThat(pad.path("agreedOn").asText()).isEqualTo("2026-01-15");
        assertThat(pad.path("agreedBy").asText()).isEqualTo("ops");   // the authenticated user, never what the request says
        assertThat(jdbc.sql("SELECT pad_channel || '/' || pad_agreed_by FROM automation.account_ppa_settings s JOIN automation.customer c "
                + "ON c.id = s.customer_id WHERE c.customer_no = :no").param("no", customer).query(String.class).single()).isEqualTo("phone/ops");
    }

    @Test
    void aBankEnrolmentWithoutAKnownAgreementChannelIsRefusedAndNothingIsWritten() {
        bankAccountOnFile();

        ResponseEntity<JsonNode> missing = put(Map.of("enabled", true, "method", "bank", "limit", "150.00"));
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(missing.getBody().path("errors").findValuesAsText("field")).containsExactly("padAgreement.channel");

        ResponseEntity<JsonNode> unknown = put(Map.of("enabled", true, "method", "bank", "padAgreement", Map.of("channel", "fax")));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody().path("errors").findValuesAsText("field")).containsExactly("padAgreement.channel");

        assertThat(jdbc.sql("SELECT count(*) FROM automation.account_ppa_settings s JOIN automation.customer c ON c.id = s.customer_id "
                + "WHERE c.customer_no = :no").param("no", customer).query(Long.class).single()).isZero();
    }

    private void bankAccountOnFile() {
        as("ops").postForEntity("/api/customers/" + customer + "/payment-methods", Map.of("kind", "bank-ppa", "bankName", "Desjardins",
                "bankInstitution", "815", "bankTransit", "30012", "bankAccount", "7654321"), JsonNode.class);
    }

    private ResponseEntity<JsonNode> put(Map<String, Object> body) {
        return as("ops").exchange("/api/customers/" + customer + "/ppa", HttpMethod.PUT, new HttpEntity<>(body), JsonNode.class);
    }
}
