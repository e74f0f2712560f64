package ca.gigafibre.automation.platform;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.testing.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Bad input from the OpenAPI document: every {@code /api} operation gets wrong ids, wrong types, missing and extra fields,
 * malformed JSON, huge strings, unicode, NUL and injection attempts. Every answer is below 500, every refusal is problem
 * JSON, and an operation that refuses every case writes nothing: the row counts of the domain tables and the number of
 * processes stay the same (an odd but valid value, such as a name full of markup, may be accepted and stored). A hostile
 * value is sent in a body of known fields only, so it reaches validation and the handler (an unknown field would have
 * the request refused before either looks at it); alone, it leaves the operation's other required fields missing.
 * Operations that take no input at all (the sweep) have nothing to fuzz and are left out.
 */
class ApiFuzzTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> BAD_IDS = List.of("C-99999999", "' OR '1'='1", "<script>alert(1)</script>", "x".repeat(5000),
            "é😀\u0000", "../../etc/passwd", "-1", "%00");
    private static final List<Object> BAD_VALUES = List.of(12345, -1, true, "x".repeat(20000), "'; DROP TABLE automation.customer; --",
            "<img src=x onerror=alert(1)>", "é😀", List.of(1, 2), Map.of("nested", "object"), "2026-13-45", "NaN",
            "nul\u0000byte", List.of("nul\u0000in a list"), Map.of("nested", "nul\u0000"));

    @Test
    void everyApiOperationRefusesBadInputWithoutA5xxAndWritesNothing() {
        JsonNode docs = as("admin").getForObject("/v3/api-docs", JsonNode.class);
        Map<String, Integer> tried = new LinkedHashMap<>();
        List<String> accepted = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = docs.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                List<Case> cases = cases(docs, path.getKey(), op.getKey().toUpperCase(), op.getValue());
                if (cases.isEmpty()) {
                    continue;
                }
                String operation = op.getKey().toUpperCase() + " " + path.getKey();
                tried.put(operation, cases.size());
                Map<String, Long> before = counts();
                boolean acceptedAWrite = false;
                for (Case c : cases) {
                    ResponseEntity<String> answer = send(c);
                    int status = answer.getStatusCode().value();
                    boolean problem = answer.getHeaders().getContentType() != null
                            && answer.getHeaders().getContentType().toString().contains("problem+json");
                    if (status >= 500 || (status >= 400 && !problem) || (c.mustFail() && status < 400)) {
                        failures.add(status + " for " + c.method() + " " + c.url().substring(0, Math.min(160, c.url().length())) + " body "
                                + (c.body() == null ? "-" : c.body().substring(0, Math.min(160, c.body().length()))) + " → "
                                + (answer.getBody() == null ? "" : answer.getBody().substring(0, Math.min(200, answer.getBody().length()))));
                    }
                    if (status < 300 && !c.method().equals("GET")) {
                        acceptedAWrite = true;
                        accepted.add(c.method() + " " + c.url() + " " + (c.body() == null ? "-" : c.body().substring(0, Math.min(80, c.body().length()))));
                    }
                }
                // an operation that refused every case wrote nothing; one that accepted an odd but valid value (a
                // technician named "<img src=x onerror=alert(1)>") wrote just that, which is no failure
                if (!acceptedAWrite && !counts().equals(before)) {
                    failures.add(operation + " refused every case but wrote rows");
                }
            }
        }
        accepted.forEach(a -> System.out.printf("fuzz accepted %s%n", a));
        tried.forEach((operation, n) -> System.out.printf("fuzz %-70s %4d cases%n", operation, n));
        System.out.printf("fuzz %d operations, %d cases%n", tried.size(), tried.values().stream().mapToInt(Integer::intValue).sum());
        assertThat(failures).isEmpty();
        assertThat(tried).isNotEmpty();
    }

    private record Case(String method, String url, String body, boolean mustFail) {
    }

    private List<Case> cases(JsonNode docs, String path, String method, JsonNode operation) {
        List<Case> cases = new ArrayList<>();
        List<String> pathParams = new ArrayList<>();
        List<JsonNode> queryParams = new ArrayList<>();
        operation.path("parameters").forEach(p -> {
            if ("path".equals(p.path("in").asText())) {
                pathParams.add(p.path("name").asText());
            } else if ("query".equals(p.path("in").asText())) {
                queryParams.add(p);
            }
        });
        JsonNode schema = resolve(docs, operation.path("requestBody").path("content").path("application/json").path("schema"));
        boolean hasBody = !schema.isMissingNode();
        String goodPath = path.replaceAll("\\{[^}]+}", "C-99999999");
        // wrong ids: the operation's subject does not exist or is garbage → 4xx
        if (!pathParams.isEmpty()) {
            for (String id : BAD_IDS) {
                cases.add(new Case(method, path.replaceAll("\\{[^}]+}", java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8)),
                        hasBody ? "{}" : null, true));
            }
        }
        // query parameters with wrong types and hostile strings (a search may legitimately answer 200)
        for (JsonNode q : queryParams) {
            for (Object value : BAD_VALUES) {
                cases.add(new Case(method, goodPath + "?" + q.path("name").asText() + "="
                        + java.net.URLEncoder.encode(String.valueOf(value), java.nio.charset.StandardCharsets.UTF_8), hasBody ? "{}" : null,
                        !"GET".equals(method)));
            }
        }
        if (hasBody) {
            String url = pathParams.isEmpty() ? path : goodPath;
            cases.add(new Case(method, url, "{", true));
            cases.add(new Case(method, url, "[]", true));
            // an optional body (the scenario run: no body runs the tables against the running rules) may be empty
            boolean bodyRequired = operation.path("requestBody").path("required").asBoolean(false);
            cases.add(new Case(method, url, "null", bodyRequired));
            cases.add(new Case(method, url, "{}", bodyRequired));
            cases.add(new Case(method, url, "{\"unexpected\": 1, \"__proto__\": {}}", true));
            for (Iterator<String> names = schema.path("properties").fieldNames(); names.hasNext(); ) {
                String name = names.next();
                for (Object value : BAD_VALUES) {
                    ObjectNode body = JSON.createObjectNode();
                    body.set(name, JSON.valueToTree(value));
                    // a field the operation knows, nothing else: the value reaches binding, validation and the handler.
                    // A text with NUL must be refused (PostgreSQL cannot store it); another value may be acceptable.
                    cases.add(new Case(method, url, body.toString(), String.valueOf(value).contains("\u0000")));
                }
            }
        }
        return cases;
    }

    private static JsonNode resolve(JsonNode docs, JsonNode schema) {
        if (schema.has("$ref")) {
            String ref = schema.path("$ref").asText();
            return docs.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return schema;
    }

    private ResponseEntity<String> send(Case c) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.parseMediaType("application/problem+json")));
        headers.set("Idempotency-Key", "fuzz-" + Math.abs(c.hashCode()));
        return as("admin").exchange(java.net.URI.create(rest.getRootUri() + c.url()), HttpMethod.valueOf(c.method()),
                new HttpEntity<>(c.body(), headers), String.class);
    }

    /** Rows of every domain table and every process instance ever started: what "nothing written" means. */
    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'automation' AND table_type = 'BASE TABLE' "
                        + "AND table_name NOT IN ('audit_log', 'flyway_schema_history') ORDER BY table_name")
                .query(String.class).list().forEach(t -> counts.put(t, count(t)));
        counts.put("act_hi_procinst", jdbc.sql("SELECT count(*) FROM act_hi_procinst").query(Long.class).single());
        return counts;
    }
}
