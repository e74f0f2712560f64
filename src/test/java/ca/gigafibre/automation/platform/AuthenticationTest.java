package ca.gigafibre.automation.platform;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.testing.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

class AuthenticationTest extends IntegrationTest {

    @Test
    void anonymousGets401ProblemJsonOnTheApi() {
        ResponseEntity<JsonNode> answer = rest.getForEntity("/api/customers?q=x", JsonNode.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(answer.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
        assertThat(answer.getBody().path("status").asInt()).isEqualTo(401);
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.camunda.bpm.engine.IdentityService identity;

    @Test
    void wrongPasswordIsRefused() {
        String user = throwawayOpsUser(identity);
        assertThat(rest.withBasicAuth(user, "demo").getForEntity("/api/customers?q=x", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(rest.withBasicAuth(user, "wrong").getForEntity("/api/customers?q=x", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void engineRestNeedsALoginToo() {
        assertThat(rest.getForEntity("/engine-rest/process-definition", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<JsonNode> asOps = as("ops").getForEntity("/engine-rest/process-definition?key=suspension&firstResult=0&maxResults=50", JsonNode.class);
        assertThat(asOps.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(asOps.getBody().get(0).path("key").asText()).isEqualTo("suspension");
    }

    @Test
    void onlyAdminsLoadDemoData() {
        ResponseEntity<JsonNode> answer = as("analyst").postForEntity("/api/admin/demo-data", java.util.Map.of("scale", 0.01), JsonNode.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void demoDataScaleIsValidated() {
        ResponseEntity<JsonNode> answer = as("admin").postForEntity("/api/admin/demo-data", java.util.Map.of("scale", -1), JsonNode.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().path("errors").get(0).path("field").asText()).isEqualTo("scale");

        ResponseEntity<JsonNode> tooBig = as("admin").postForEntity("/api/admin/demo-data", java.util.Map.of("scale", 10.5), JsonNode.class);
        assertThat(tooBig.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooBig.getBody().path("errors").get(0).path("field").asText()).isEqualTo("scale");
        assertThat(tooBig.getBody().path("errors").get(0).path("message").asText()).isEqualTo("must be at most 10");
    }
}
