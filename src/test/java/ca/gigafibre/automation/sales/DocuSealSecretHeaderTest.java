package ca.gigafibre.automation.sales;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.testing.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An older self-hosted DocuSeal sends the webhook secret in a header of its administrator's choice instead of the
 * X-Docuseal-Signature HMAC; the tests configure that header as X-Docuseal-Secret (automation.sales.docuseal-secret-header).
 */
class DocuSealSecretHeaderTest extends IntegrationTest {

    private static final String VIEWED = "{\"event_type\":\"form.viewed\",\"timestamp\":\"2027-03-09T14:00:00Z\","
            + "\"data\":{\"external_id\":\"SOQ-00000001\"}}";

    @Test
    void theConfiguredSecretHeaderWithTheWebhookSecretIsAccepted() {
        ResponseEntity<JsonNode> answer = webhook("X-Docuseal-Secret", "docuseal_demo_secret");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody().path("event_type").asText()).isEqualTo("form.viewed");
    }

    @Test
    void aWrongSecretInTheHeaderIsRefusedNamingIt() {
        ResponseEntity<JsonNode> answer = webhook("X-Docuseal-Secret", "docuseal_demo_secret-not");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(answer.getBody().path("errors").findValuesAsText("field")).containsExactly("X-Docuseal-Secret");
    }

    @Test
    void theSecretInAnotherHeaderOrNoneIsRefused() {
        assertThat(webhook("X-Other-Secret", "docuseal_demo_secret").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(webhook(null, null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private ResponseEntity<JsonNode> webhook(String header, String value) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (header != null) {
            headers.set(header, value);
        }
        return rest.exchange("/api/webhooks/docuseal", HttpMethod.POST,
                new HttpEntity<>(VIEWED.getBytes(StandardCharsets.UTF_8), headers), JsonNode.class);
    }
}
