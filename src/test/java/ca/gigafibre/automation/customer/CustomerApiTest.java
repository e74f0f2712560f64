package ca.gigafibre.automation.customer;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.testing.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

class CustomerApiTest extends IntegrationTest {

    @Test
    void createsACustomerWithItsFirstLocationAndShowsCustomer360() {
        ResponseEntity<JsonNode> created = as("ops").postForEntity("/api/customers", customer("Bergeron-Api", "j2g 4k7"), JsonNode.class);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = created.getBody().path("id").asText();
        assertThat(id).matches("C-\\d{5,}");
        assertThat(created.getHeaders().getLocation()).hasToString("/api/customers/" + id);
        JsonNode view = as("ops").getForObject("/api/customers/" + id, JsonNode.class);
        assertThat(view.path("locations").get(0).path("id").asText()).matches("LOC-\\d{5,}");
        assertThat(view.path("locations").get(0).path("postalCode").asText()).isEqualTo("J2G 4K7");
        assertThat(view.path("phone").asText()).isEqualTo("4505550199");
        assertThat(view.path("related").path("balance").path("balance").decimalValue()).isZero();
        assertThat(view.path("related").has("subscriptions")).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM automation.audit_log WHERE action = 'customer.created' AND entity_ref = :id AND actor = 'ops'")
                .param("id", id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void searchFindsByNamePhoneAddressAndId() {
        String id = as("ops").postForObject("/api/customers", customer("Zéphirin-Search", "J2L 1A1"), JsonNode.class).path("id").asText();

        assertThat(search("zéphirin")).contains(id);
        assertThat(search("450 555 0199")).contains(id);
        assertThat(search("J2L 1A1")).contains(id);
        assertThat(search(id)).isEqualTo("[" + id + "]");
        assertThat(search("nobody-has-this-name")).isEqualTo("[]");
    }

    @Test
    void invalidInputNamesEachFieldAndWritesNothing() {
        long before = count("customer");
        Map<String, Object> bad = customer("", "123 ABC");
        bad.put("email", "not-an-email");

        ResponseEntity<JsonNode> answer = as("ops").postForEntity("/api/customers", bad, JsonNode.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getHeaders().getContentType().toString()).contains("application/problem+json");
        List<String> fields = answer.getBody().path("errors").findValuesAsText("field");
        assertThat(fields).containsExactlyInAnyOrder("lastName", "email", "location.postalCode");
        assertThat(count("customer")).isEqualTo(before);
    }

    @Test
    void missingLocationIsNamed() {
        Map<String, Object> bad = customer("NoLocation", "J2G 1A1");
        bad.remove("location");
        ResponseEntity<JsonNode> answer = as("ops").postForEntity("/api/customers", bad, JsonNode.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().path("errors").findValuesAsText("field")).containsExactly("location");
    }

    @Test
    void unknownCustomerIs404ProblemJson() {
        ResponseEntity<JsonNode> answer = as("ops").getForEntity("/api/customers/C-99999999", JsonNode.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(answer.getBody().path("detail").asText()).contains("C-99999999");
    }

    private String search(String q) {
        JsonNode hits = as("ops").getForObject("/api/customers?q={q}", JsonNode.class, q);
        return hits.findValuesAsText("id").toString();
    }

    static Map<String, Object> customer(String lastName, String postalCode) {
        Map<String, Object> location = new HashMap<>(Map.of("streetNumber", "455", "streetName", "Rue Principale",
                "city", "Granby", "postalCode", postalCode, "oltId", "OLT-EAST", "oltPort", "1/2/3"));
        return new HashMap<>(Map.of("firstName", "Rosalie", "lastName", lastName, "email", "rosalie@example.com",
                "phone", "(450) 555-0199", "language", "fr", "location", location));
    }
}
