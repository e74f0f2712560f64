package ca.gigafibre.automation.adapter.esign;

import ca.gigafibre.automation.adapter.AdapterEndpoints;
import ca.gigafibre.automation.adapter.AdapterProperties;
import ca.gigafibre.automation.adapter.ExternalApi;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * DocuSeal's API ({@code X-Auth-Token}): a submission of a template for one signer, marked with our quote id as the
 * submitter's {@code external_id}, so a retried request first asks DocuSeal whether it already exists.
 */
@Component
public class DocuSealClient {

    public static final String SYSTEM = "docuseal";

    private final Supplier<ExternalApi> api;
    private final String token;

    public DocuSealClient(AdapterEndpoints endpoints) {
        this.api = SingletonSupplier.of(() -> ExternalApi.of(SYSTEM, endpoints));
        this.token = endpoints.endpoint(SYSTEM).map(AdapterProperties.Endpoint::token).orElse("");
    }

    /** A signer's invitation: the submission and the link the signer opens ({@code embed_src}). */
    public record Submission(long submissionId, String signingUrl, String status) {
    }

    /** The submission already made for this external id, if any (GET /api/submitters?external_id=…). */
    public Optional<Submission> findByExternalId(String externalId) {
        JsonNode page = api.get().call("GET /api/submitters", c -> c.get()
                .uri(u -> u.path("/api/submitters").queryParam("external_id", "{id}").build(externalId))
                .header("X-Auth-Token", token).retrieve().body(JsonNode.class));
        JsonNode data = page == null ? null : page.path("data");
        return data == null || data.isEmpty() ? Optional.empty() : Optional.of(submission(data.get(0)));
    }

    /** POST /api/submissions: DocuSeal e-mails the signer and answers the submitters. */
    public Submission createSubmission(long templateId, String signerEmail, String signerName, String externalId) {
        JsonNode submitters = api.get().call("POST /api/submissions", c -> c.post().uri("/api/submissions")
                .header("X-Auth-Token", token)
                .body(Map.of("template_id", templateId, "send_email", true,
                        "submitters", List.of(Map.of("role", "First Party", "email", signerEmail, "name", signerName,
                                "external_id", externalId))))
                .retrieve().body(JsonNode.class));
        if (submitters == null || !submitters.isArray() || submitters.isEmpty()) {
            throw new IllegalStateException("DocuSeal answered no submitter for " + externalId);
        }
        return submission(submitters.get(0));
    }

    private static Submission submission(JsonNode submitter) {
        return new Submission(submitter.path("submission_id").asLong(), submitter.path("embed_src").asText(null),
                submitter.path("status").asText());
    }
}
