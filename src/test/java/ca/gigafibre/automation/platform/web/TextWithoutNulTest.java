package ca.gigafibre.automation.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.testing.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** A NUL in any text of a request body is a 400 naming the field, checked where JSON is bound: never a 500 from PostgreSQL. */
class TextWithoutNulTest extends IntegrationTest {

    @Test
    void aNulInATopLevelTextIs400NamingTheFieldAndNothingIsWritten() {
        long customers = jdbc.sql("SELECT count(*) FROM automation.customer").query(Long.class).single();

        ResponseEntity<JsonNode> answer = as("ops").postForEntity("/api/customers", customer("Nul\u0000Tremblay", "Rue Principale"), JsonNode.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getHeaders().getContentType().toString()).contains("problem+json");
        assertThat(answer.getBody().path("errors").get(0).path("field").asText()).isEqualTo("lastName");
        assertThat(answer.getBody().path("errors").get(0).path("message").asText()).contains("NUL");
        assertThat(jdbc.sql("SELECT count(*) FROM automation.customer").query(Long.class).single()).isEqualTo(customers);
    }

    @Test
    void aNulInANestedTextNamesItsPath() {
        ResponseEntity<JsonNode> answer = as("ops").postForEntity("/api/customers", customer("Tremblay", "Rue\u0000Principale"), JsonNode.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().path("errors").get(0).path("field").asText()).isEqualTo("location.streetName");
    }

    @Test
    void aNulInACandidateRuleTextIsRefusedToo() {
        ResponseEntity<JsonNode> answer = as("analyst").postForEntity("/api/rules/scenarios/run",
                Map.of("rules", Map.of("suspension.drl", "package x;\u0000")), JsonNode.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().path("errors").get(0).path("field").asText()).startsWith("rules");
    }

    @Test
    void aNulInAQueryParameterIs400NamingIt() {
        ResponseEntity<JsonNode> answer = as("ops").getForEntity(java.net.URI.create(rest.getRootUri() + "/api/customers?q=nul%00byte"), JsonNode.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().path("errors").get(0).path("field").asText()).isEqualTo("q");
        assertThat(answer.getBody().path("errors").get(0).path("message").asText()).contains("NUL");
    }

    @Test
    void otherUnicodeStillPasses() {
        ResponseEntity<JsonNode> answer = as("ops").postForEntity("/api/customers", customer("Lévesque-Ōtani 😀", "Rue Principale"), JsonNode.class);

        assertThat(answer.getStatusCode().is2xxSuccessful()).as(String.valueOf(answer.getBody())).isTrue();
    }

    private static Map<String, Object> customer(String lastName, String streetName) {
        Map<String, Object> location = new HashMap<>(Map.of("streetNumber", "455", "streetName", streetName,
                "city", "Granby", "postalCode", "J2G 4K7", "oltId", "OLT-EAST", "oltPort", "1/2/3"));
        return new HashMap<>(Map.of("firstName", "Rosalie", "lastName", lastName, "email", "rosalie@example.com",
                "phone", "(450) 555-0199", "language", "fr", "location", location));
    }
}
