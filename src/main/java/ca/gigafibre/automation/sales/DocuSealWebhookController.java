package ca.gigafibre.automation.sales;

import ca.gigafibre.automation.platform.error.MalformedRequestException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/webhooks/docuseal}: DocuSeal's deliveries, accepted only with a valid {@code X-Docuseal-Signature}
 * or, when configured, the secret header of older self-hosted versions (401 otherwise, nothing done). A completed signature signs the quote of its {@code external_id} (404 if unknown).
 */
@RestController
public class DocuSealWebhookController {

    private final DocuSealSignatures signatures;
    private final DocuSealWebhookEvents events;
    private final ObjectMapper json;

    public DocuSealWebhookController(DocuSealSignatures signatures, DocuSealWebhookEvents events, ObjectMapper json) {
        this.signatures = signatures;
        this.events = events;
        this.json = json;
    }

    @PostMapping("/api/webhooks/docuseal")
    @Operation(summary = "DocuSeal webhook (X-Docuseal-Signature checked): form.completed / submission.completed sign the quote of external_id")
    public Map<String, Object> receive(@RequestBody String payload,
                                       @RequestHeader(value = DocuSealSignatures.HEADER, required = false) String signature,
                                       @RequestHeader org.springframework.http.HttpHeaders headers) {
        String secretValue = signatures.secretHeader().isEmpty() ? null : headers.getFirst(signatures.secretHeader());
        signatures.verify(payload, signature, secretValue);
        JsonNode event;
        try {
            event = json.readTree(payload);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new MalformedRequestException("body", "is not JSON");
        }
        if (event == null || !event.isObject() || !event.path("event_type").isTextual()) {
            throw new MalformedRequestException("event_type", "is required");
        }
        return Map.of("event_type", event.path("event_type").asText(), "handled", events.handle(event));
    }
}
