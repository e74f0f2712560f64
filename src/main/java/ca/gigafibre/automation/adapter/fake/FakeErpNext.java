package ca.gigafibre.automation.adapter.fake;

import static ca.gigafibre.automation.adapter.fake.FakeResponses.json;
import static org.mockserver.model.HttpRequest.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.model.HttpRequest;
import org.mockserver.model.HttpResponse;

/**
 * A stateful ERPNext (Frappe REST, {@code shared/contracts/erpnext.md}) under {@code /erpnext}: lists with Frappe's
 * fields, filters, ordering and paging (default 20), documents with child tables, creates with ERPNext's autonames and link
 * validation (417 {@code LinkValidationError}), 409 {@code DuplicateEntryError}, updates refused on submitted amounts, the
 * accounts' effects of payments and returns on invoices' {@code outstanding_amount}, and token authentication when the
 * adapter has an api key. Tests reach it through {@code fakes.erpNext()}: they enter documents as if typed into ERPNext
 * ({@link #put}, {@link #change}), read what the engine posted ({@link #doc}, {@link #all}, {@link #createCount}, {@link #updateCount}) and
 * make it fail ({@link #down}, {@link #failNextCreates}, {@link #loseNextCreateAnswers}).
 */
public class FakeErpNext implements FakeSystem {

    static final ZoneId SITE_ZONE = ZoneId.of("America/Montreal");
    private static final DateTimeFormatter SITE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    private static final String RESOURCE = "/erpnext/api/resource/";
    private static final Map<String, String> SERIES = Map.of("Sales Invoice", "ACC-SINV-.YYYY.-", "Payment Entry", "ACC-PAY-.YYYY.-",
            "Quotation", "SAL-QTN-.YYYY.-", "Journal Entry", "ACC-JV-.YYYY.-", "Sales Order", "SAL-ORD-.YYYY.-",
            "Service Location", "LOC-", "Service Equipment", "EQP-", "Service Subscription", "SUB-", "Dispatch Technician", "DT-");
    private static final Set<String> READ_ONLY = Set.of("name", "doctype", "creation", "modified", "owner", "modified_by");

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final String expectedAuthorization;
    private final Map<String, FrappeDoctype> doctypes = new HashMap<>();
    private final Map<String, Integer> failCreates = new HashMap<>();
    private final Map<String, Integer> loseAnswers = new HashMap<>();
    private final Map<String, Integer> seriesCounters = new HashMap<>();
    private final FrappeLinks links = new FrappeLinks((doctype, name) -> doctype(doctype).contains(name));
    private final FrappeLedger ledger = new FrappeLedger((doctype, name) -> doctype(doctype).get(name), this::touch);
    private boolean down;
    private long lastModifiedMicros;

    /** @param apiKey when set, every call must carry {@code Authorization: token <apiKey>:<apiSecret>} (else 401) */
    FakeErpNext(String apiKey, String apiSecret) {
        this.expectedAuthorization = apiKey == null || apiKey.isBlank() ? null
                : "token " + apiKey + ":" + (apiSecret == null ? "" : apiSecret);
    }

    @Override
    public String name() {
        return "erpnext";
    }

    @Override
    public void register(ClientAndServer server) {
        server.when(request().withPath("/erpnext/.*")).respond(this::answer);
    }

    @Override
    public void reset() {
        clear();
    }

    // ---- the test API: as if entered in ERPNext, and what the engine left there ----

    /**
     * Stores a document as if entered in ERPNext (no link validation): {@code name} required, {@code modified} now unless
     * given, child tables as lists of maps. A submitted payment or return has its effect on the invoices it references.
     */
    public synchronized ObjectNode put(String doctype, Map<String, ?> document) {
        ObjectNode doc = mapper.valueToTree(document);
        String name = doc.path("name").asText("");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("an ERPNext document needs its name: " + document);
        }
        FrappeDoctype store = doctype(doctype);
        ObjectNode previous = store.get(name);
        if (previous != null) {
            store.forget(previous);
        }
        stamp(doctype, doc, doc.hasNonNull("modified") ? doc.get("modified").asText() : null);
        if (doctype.equals("Sales Invoice")) {
            ledger.completeInvoice(doc);
        }
        store.store(doc);
        if (previous == null && doc.path("docstatus").asInt(0) == 1) {
            ledger.submitted(doctype, doc);
        }
        return doc.deepCopy();
    }

    /** Edits a stored document as a user would in ERPNext (child tables replaced when given) and bumps its {@code modified}. */
    public synchronized ObjectNode change(String doctype, String name, Map<String, ?> fields) {
        FrappeDoctype store = doctype(doctype);
        ObjectNode doc = store.get(name);
        if (doc == null) {
            throw new IllegalArgumentException("ERPNext has no " + doctype + " " + name);
        }
        ObjectNode changes = mapper.valueToTree(fields);
        store.updates++;
        store.forget(doc);
        doc.setAll(changes);
        stampChildren(doctype, doc);
        doc.put("modified", changes.hasNonNull("modified") ? changes.get("modified").asText() : nextModified());
        store.store(doc);
        return doc.deepCopy();
    }

    /** A copy of the document with its child tables. */
    public synchronized Optional<ObjectNode> doc(String doctype, String name) {
        return Optional.ofNullable(doctype(doctype).get(name)).map(ObjectNode::deepCopy);
    }

    /** Copies of every document of this doctype, in the order they were first stored. */
    public synchronized List<ObjectNode> all(String doctype) {
        return doctype(doctype).all().stream().map(ObjectNode::deepCopy).toList();
    }

    /** While down, every call answers 503. */
    public synchronized void down(boolean down) {
        this.down = down;
    }

    /** The next {@code times} creates of this doctype answer 503 without storing anything. */
    public synchronized void failNextCreates(String doctype, int times) {
        failCreates.put(doctype, times);
    }

    /** The next {@code times} creates of this doctype are stored, then answered 504: the caller never hears ERPNext's answer. */
    public synchronized void loseNextCreateAnswers(String doctype, int times) {
        loseAnswers.put(doctype, times);
    }

    /** How many documents of this doctype were created through the API (lost answers included). */
    public synchronized int createCount(String doctype) {
        return doctype(doctype).creates;
    }

    /** How many updates of a document of this doctype were made through the API ({@code PUT}). */
    public synchronized int updateCount(String doctype) {
        return doctype(doctype).updates;
    }

    /** How many list calls ({@code GET /api/resource/{doctype}}) were made for this doctype. */
    public synchronized int listCalls(String doctype) {
        return doctype(doctype).listCalls;
    }

    /** Forgets every document, counter and failure. */
    public synchronized void clear() {
        doctypes.clear();
        failCreates.clear();
        loseAnswers.clear();
        seriesCounters.clear();
        down = false;
    }

    /** How many documents of this doctype ERPNext holds. */
    public synchronized int count(String doctype) {
        return doctype(doctype).size();
    }

    // ---- the HTTP side ----

    synchronized HttpResponse answer(HttpRequest request) {
        try {
            if (down) {
                return json(503, "{\"exc_type\":\"ServiceUnavailable\",\"_server_messages\":\"[]\"}");
            }
            if (expectedAuthorization != null && !expectedAuthorization.equals(request.getFirstHeader("Authorization"))) {
                throw new FrappeError(401, "AuthenticationError", "Invalid login credentials");
            }
            String path = request.getPath().getValue();
            if (!path.startsWith(RESOURCE) || path.length() == RESOURCE.length()) {
                throw new FrappeError(404, "PageDoesNotExistError", "Page not found: " + path);
            }
            String rest = path.substring(RESOURCE.length());
            int slash = rest.indexOf('/');
            String doctype = decode(slash < 0 ? rest : rest.substring(0, slash));
            String name = slash < 0 ? null : decode(rest.substring(slash + 1));
            String method = request.getMethod().getValue();
            if (name == null && method.equals("GET")) {
                return list(doctype, request);
            }
            if (name == null && method.equals("POST")) {
                return create(doctype, request);
            }
            if (name != null && method.equals("GET")) {
                ObjectNode doc = doctype(doctype).get(name);
                if (doc == null) {
                    throw FrappeError.notFound(doctype, name);
                }
                return data(shown(doctype, doc));
            }
            if (name != null && method.equals("PUT")) {
                return update(doctype, name, request);
            }
            throw new FrappeError(405, "MethodNotAllowed", method + " not allowed on " + path);
        } catch (FrappeError e) {
            return e.response();
        }
    }

    private HttpResponse list(String doctype, HttpRequest request) {
        FrappeDoctype store = doctype(doctype);
        store.listCalls++;
        ArrayNode rows = FrappeListQuery.of(request).run(store);
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.set("data", rows);
        return json(200, answer.toString());
    }

    private HttpResponse create(String doctype, HttpRequest request) {
        Integer failures = failCreates.getOrDefault(doctype, 0);
        if (failures > 0) {
            failCreates.put(doctype, failures - 1);
            return json(503, "{\"exc_type\":\"ServiceUnavailable\",\"_server_messages\":\"[]\"}");
        }
        ObjectNode doc = body(request);
        FrappeDoctype store = doctype(doctype);
        String name = doc.path("name").asText("");
        if (name.isEmpty()) {
            name = autoname(doctype, doc);
        } else if (store.contains(name)) {
            throw new FrappeError(409, "DuplicateEntryError", doctype + " " + name + " already exists");
        }
        READ_ONLY.forEach(doc::remove);
        doc.put("name", name);
        links.validate(doctype, doc);
        if (doctype.equals("Sales Invoice")) {
            ledger.completeInvoice(doc);
        }
        boolean submitted = doc.path("docstatus").asInt(0) == 1;
        if (submitted) {
            ledger.checkSubmit(doctype, doc);
        }
        stamp(doctype, doc, null);
        store.store(doc);
        store.creates++;
        if (submitted) {
            ledger.submitted(doctype, doc);
        }
        Integer lost = loseAnswers.getOrDefault(doctype, 0);
        if (lost > 0) {
            loseAnswers.put(doctype, lost - 1);
            return json(504, "{\"exc_type\":\"GatewayTimeout\",\"_server_messages\":\"[]\"}");
        }
        return data(shown(doctype, doc));
    }

    private HttpResponse update(String doctype, String name, HttpRequest request) {
        FrappeDoctype store = doctype(doctype);
        ObjectNode doc = store.get(name);
        if (doc == null) {
            throw FrappeError.notFound(doctype, name);
        }
        ObjectNode changes = body(request);
        READ_ONLY.forEach(changes::remove);
        ledger.checkUpdate(doc, changes);
        int before = doc.path("docstatus").asInt(0);
        int after = changes.path("docstatus").asInt(before);
        ObjectNode merged = doc.deepCopy();
        merged.setAll(changes);
        links.validate(doctype, merged);
        if (before == 0 && after == 1) {
            ledger.checkSubmit(doctype, merged);
        }
        store.updates++;
        store.forget(doc);
        doc.setAll(changes);
        stampChildren(doctype, doc);
        doc.put("modified", nextModified());
        store.store(doc);
        if (before == 0 && after == 1) {
            ledger.submitted(doctype, doc);
        } else if (before == 1 && after == 2) {
            ledger.cancelled(doctype, doc);
        }
        return data(shown(doctype, doc));
    }

    /** The ledger changed a stored document (an invoice's outstanding amount): it is modified now. */
    private void touch(String doctype, ObjectNode doc) {
        FrappeDoctype store = doctype(doctype);
        store.forget(doc);
        doc.put("modified", nextModified());
        store.store(doc);
    }

    private void stamp(String doctype, ObjectNode doc, String modified) {
        String now = modified != null ? modified : nextModified();
        if (!doc.hasNonNull("creation")) {
            doc.put("creation", now);
        }
        doc.put("modified", now);
        if (!doc.hasNonNull("docstatus")) {
            doc.put("docstatus", 0);
        }
        if (!doc.hasNonNull("owner")) {
            doc.put("owner", "Administrator");
        }
        doc.put("modified_by", "Administrator");
        doc.put("idx", doc.path("idx").asInt(0));
        stampChildren(doctype, doc);
    }

    /** Child rows carry their parent, table and position, as Frappe stores them. */
    private void stampChildren(String doctype, ObjectNode doc) {
        doc.fields().forEachRemaining(field -> {
            if (field.getValue() instanceof ArrayNode rows) {
                int idx = 1;
                for (JsonNode row : rows) {
                    if (row instanceof ObjectNode child) {
                        if (!child.hasNonNull("name")) {
                            child.put("name", hash());
                        }
                        child.put("idx", idx);
                        child.put("parent", doc.path("name").asText());
                        child.put("parentfield", field.getKey());
                        child.put("parenttype", doctype);
                        child.put("docstatus", doc.path("docstatus").asInt(0));
                    }
                    idx++;
                }
            }
        });
    }

    /** ERPNext's naming: a series per doctype ({@code ACC-SINV-2026-00001}), the item code, the customer name, else a hash. */
    private String autoname(String doctype, ObjectNode doc) {
        FrappeDoctype store = doctype(doctype);
        String series = SERIES.get(doctype);
        if (series != null) {
            String prefix = series.replace(".YYYY.", String.valueOf(LocalDateTime.now(SITE_ZONE).getYear()));
            String name;
            do {
                int next = seriesCounters.merge(prefix, 1, Integer::sum);
                name = prefix + String.format("%05d", next);
            } while (store.contains(name));
            return name;
        }
        String natural = switch (doctype) {
            case "Item" -> doc.path("item_code").asText("");
            case "Customer" -> doc.path("customer_name").asText("");
            default -> "";
        };
        if (natural.isEmpty()) {
            return hash();
        }
        if (store.contains(natural)) {
            if (doctype.equals("Item")) {
                throw new FrappeError(409, "DuplicateEntryError", "Item " + natural + " already exists");
            }
            int n = 1;
            while (store.contains(natural + " - " + n)) {
                n++;
            }
            return natural + " - " + n;
        }
        return natural;
    }

    /** Site time, strictly increasing, as Frappe's {@code modified}: "YYYY-MM-DD HH:MM:SS.ffffff". */
    private String nextModified() {
        Instant now = Instant.now();
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, now);
        lastModifiedMicros = Math.max(micros, lastModifiedMicros + 1);
        Instant stamp = Instant.EPOCH.plus(lastModifiedMicros, ChronoUnit.MICROS);
        return SITE_TIME.format(LocalDateTime.ofInstant(stamp, SITE_ZONE));
    }

    private ObjectNode shown(String doctype, ObjectNode doc) {
        ObjectNode copy = doc.deepCopy();
        copy.put("doctype", doctype);
        return copy;
    }

    private ObjectNode body(HttpRequest request) {
        try {
            JsonNode body = mapper.readTree(request.getBodyAsString() == null || request.getBodyAsString().isBlank() ? "{}"
                    : request.getBodyAsString());
            if (body instanceof ObjectNode document) {
                return document.has("data") && body.size() == 1 && body.get("data").isObject() ? (ObjectNode) body.get("data") : document;
            }
        } catch (Exception notJson) {
            // below
        }
        throw FrappeError.validation("The body is not a JSON document");
    }

    private HttpResponse data(ObjectNode doc) {
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.set("data", doc);
        return json(200, answer.toString());
    }

    private FrappeDoctype doctype(String doctype) {
        return doctypes.computeIfAbsent(doctype, d -> new FrappeDoctype());
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String hash() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
