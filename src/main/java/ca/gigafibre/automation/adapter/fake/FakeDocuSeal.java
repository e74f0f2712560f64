package ca.gigafibre.automation.adapter.fake;

import static ca.gigafibre.automation.adapter.fake.FakeResponses.json;
import static org.mockserver.model.HttpRequest.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.mockserver.integration.ClientAndServer;

/**
 * DocuSeal as its API answers: {@code POST /api/submissions} (needs {@code X-Auth-Token}, a template id and submitters)
 * answers the submitters with their signing link ({@code embed_src}); {@code GET /api/submitters?external_id=} lists
 * them ({@code {"data": [...], "pagination": {...}}}). Signing itself happens in a browser: tests post DocuSeal's
 * webhook to the engine.
 */
class FakeDocuSeal implements FakeSystem {

    private static final org.mockserver.model.HttpResponse UNAUTHENTICATED = json(401, "{\"error\":\"Not authenticated\"}");

    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<String, ObjectNode> submittersByExternalId = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(1000);
    private volatile int port;

    @Override
    public String name() {
        return "docuseal";
    }

    @Override
    public void register(ClientAndServer server) {
        port = server.getLocalPort();
        server.when(request().withMethod("POST").withPath("/docuseal/api/submissions")).respond(r -> {
            if (r.getFirstHeader("X-Auth-Token").isBlank()) {
                return UNAUTHENTICATED;
            }
            JsonNode body = parse(r.getBodyAsString());
            if (body == null || !body.path("template_id").canConvertToLong() || body.path("template_id").asLong() <= 0) {
                return json(422, "{\"error\":\"Template not found\"}");
            }
            JsonNode submitters = body.path("submitters");
            if (!submitters.isArray() || submitters.isEmpty() || submitters.get(0).path("email").asText("").isBlank()) {
                return json(422, "{\"error\":\"Submitters are missing\"}");
            }
            long submissionId = ids.incrementAndGet();
            ArrayNode answer = mapper.createArrayNode();
            for (JsonNode s : submitters) {
                String slug = UUID.randomUUID().toString().replace("-", "").substring(0, 14);
                ObjectNode submitter = answer.addObject();
                submitter.put("id", ids.incrementAndGet());
                submitter.put("submission_id", submissionId);
                submitter.put("uuid", UUID.randomUUID().toString());
                submitter.put("email", s.path("email").asText());
                submitter.put("name", s.path("name").asText(null));
                submitter.put("role", s.path("role").asText("First Party"));
                submitter.put("slug", slug);
                submitter.put("status", body.path("send_email").asBoolean(true) ? "sent" : "awaiting");
                submitter.put("sent_at", Instant.now().toString());
                submitter.put("external_id", s.path("external_id").asText(null));
                submitter.putObject("metadata");
                submitter.putArray("values");
                submitter.put("embed_src", "http://localhost:" + port + "/docuseal/s/" + slug);
                if (!s.path("external_id").asText("").isBlank()) {
                    submittersByExternalId.put(s.path("external_id").asText(), submitter);
                }
            }
            return json(200, answer.toString());
        });
        server.when(request().withMethod("GET").withPath("/docuseal/api/submitters")).respond(r -> {
            if (r.getFirstHeader("X-Auth-Token").isBlank()) {
                return UNAUTHENTICATED;
            }
            String externalId = r.getFirstQueryStringParameter("external_id");
            ObjectNode page = mapper.createObjectNode();
            ArrayNode data = page.putArray("data");
            ObjectNode submitter = externalId == null ? null : submittersByExternalId.get(externalId);
            if (submitter != null) {
                data.add(submitter);
            }
            ObjectNode pagination = page.putObject("pagination");
            pagination.put("count", data.size());
            pagination.putNull("next");
            pagination.putNull("prev");
            return json(200, page.toString());
        });
    }

    @Override
    public void reset() {
        submittersByExternalId.clear();
    }

    private JsonNode parse(String body) {
        try {
            return mapper.readTree(body);
        } catch (Exception e) {
            return null;
        }
    }
}
