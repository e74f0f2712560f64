package ca.gigafibre.automation.adapter.erpnext;

import ca.gigafibre.automation.adapter.AdapterEndpoints;
import ca.gigafibre.automation.adapter.ExternalApi;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * ERPNext's Frappe REST API ({@code shared/contracts/erpnext.md}): lists read in pages of at most {@value #PAGE_SIZE}
 * (Frappe's default is 20), documents read one by one for their child tables, documents created and updated, and the
 * lookup by {@code custom_engine_id} that makes every post safe to retry. Failures are {@link ExternalApi}'s:
 * {@code ExternalSystemUnavailable} (down, 5xx) or {@code ExternalRequestRejected} (Frappe's 4xx/417 with its
 * {@code exc_type} and {@code _server_messages} as the message).
 */
@Component
public class ErpNextClient {

    public static final String SYSTEM = "erpnext";
    public static final int PAGE_SIZE = 500;
    public static final String ENGINE_ID = "custom_engine_id";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One list filter, {@code [field, operator, value]} as Frappe takes it ("=", "!=", ">", ">=", "<", "<=", "in", "is"). */
    public record Filter(String field, String operator, Object value) {

        public static Filter eq(String field, Object value) {
            return new Filter(field, "=", value);
        }

        public static Filter in(String field, List<?> values) {
            return new Filter(field, "in", values);
        }

        /** Documents changed after a watermark ({@code modified} is "YYYY-MM-DD HH:MM:SS.ffffff", site time). */
        public static Filter modifiedAfter(String watermark) {
            return new Filter("modified", ">", watermark);
        }

        List<Object> asList() {
            return List.of(field, operator, value);
        }
    }

    private final Supplier<ExternalApi> api;

    public ErpNextClient(AdapterEndpoints endpoints) {
        this.api = SingletonSupplier.of(() -> ExternalApi.of(SYSTEM, endpoints));
    }

    /** One page of a list: {@code fields} (empty = Frappe's default, the name only), ordered by {@code orderBy}. */
    public List<ObjectNode> page(String doctype, List<String> fields, List<Filter> filters, String orderBy, int start, int length) {
        Map<String, Object> query = Map.of("fields", json(fields.isEmpty() ? List.of("name") : fields),
                "filters", json(filters.stream().map(Filter::asList).toList()), "order", orderBy,
                "start", start, "length", Math.min(length, PAGE_SIZE));
        JsonNode answer = api.get().call("GET /api/resource/" + doctype, c -> c.get()
                .uri(u -> u.path("/api/resource/{doctype}").queryParam("fields", "{fields}").queryParam("filters", "{filters}")
                        .queryParam("order_by", "{order}").queryParam("limit_start", "{start}")
                        .queryParam("limit_page_length", "{length}").build(withDoctype(doctype, query)))
                .retrieve().body(JsonNode.class));
        List<ObjectNode> rows = new ArrayList<>();
        if (answer != null) {
            answer.path("data").forEach(row -> rows.add((ObjectNode) row));
        }
        return rows;
    }

    /**
     * Every document matching {@code filters}, oldest change first ({@code modified asc, name asc}), handed over page by
     * page so a caller can commit as it goes.
     */
    public void forEachPage(String doctype, List<String> fields, List<Filter> filters, Consumer<List<ObjectNode>> onPage) {
        int start = 0;
        List<ObjectNode> rows;
        do {
            rows = page(doctype, fields, filters, "modified asc, name asc", start, PAGE_SIZE);
            if (!rows.isEmpty()) {
                onPage.accept(rows);
            }
            start += rows.size();
        } while (rows.size() == PAGE_SIZE);
    }

    /** One document with its child tables; empty on 404. */
    public Optional<ObjectNode> get(String doctype, String name) {
        return api.get().find("GET /api/resource/" + doctype + "/{name}", c -> c.get()
                .uri("/api/resource/{doctype}/{name}", doctype, name).retrieve().body(JsonNode.class)).map(ErpNextClient::data);
    }

    /** Creates a document; the answer is the document as ERPNext stored it (its {@code name} included). */
    public ObjectNode create(String doctype, ObjectNode document) {
        return data(api.get().call("POST /api/resource/" + doctype, c -> c.post().uri("/api/resource/{doctype}", doctype)
                .contentType(MediaType.APPLICATION_JSON).body(document.toString()).retrieve().body(JsonNode.class)));
    }

    /** Changes some fields of a document. */
    public ObjectNode update(String doctype, String name, ObjectNode changes) {
        return data(api.get().call("PUT /api/resource/" + doctype + "/{name}", c -> c.put()
                .uri("/api/resource/{doctype}/{name}", doctype, name).contentType(MediaType.APPLICATION_JSON)
                .body(changes.toString()).retrieve().body(JsonNode.class)));
    }

    /** The document the engine already posted under this id, if any: asked before every create so nothing is posted twice. */
    public Optional<ObjectNode> findByEngineId(String doctype, String engineId) {
        return page(doctype, List.of("name", ENGINE_ID, "modified"), List.of(Filter.eq(ENGINE_ID, engineId)), "modified asc", 0, 2)
                .stream().findFirst();
    }

    private static Map<String, Object> withDoctype(String doctype, Map<String, Object> query) {
        Map<String, Object> all = new java.util.HashMap<>(query);
        all.put("doctype", doctype);
        return all;
    }

    private static ObjectNode data(JsonNode answer) {
        JsonNode data = answer == null ? null : answer.path("data");
        return data instanceof ObjectNode document ? document : JSON.createObjectNode();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + value, e);
        }
    }
}
