package ca.gigafibre.automation.adapter.fake;

import static ca.gigafibre.automation.adapter.fake.FakeResponses.empty;
import static ca.gigafibre.automation.adapter.fake.FakeResponses.json;
import static ca.gigafibre.automation.adapter.fake.FakeResponses.lastSegment;
import static ca.gigafibre.automation.adapter.fake.FakeResponses.problem;
import static org.mockserver.model.HttpRequest.request;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.model.HttpRequest;
import org.mockserver.model.HttpResponse;

/**
 * 911 provider ({@code shared/contracts/e911.yaml}): civic address per DID, validated like the provider does
 * (required fields, Canadian postal code, RES/BUS class); 422 lists {@code invalidFields}. A street name
 * containing "INCONNUE" stands for an address missing from the provider's civic database.
 */
class FakeE911Provider implements FakeSystem {

    private static final String SUBSCRIBER_PATH = "/e911/v1/subscribers/\\d{10}";
    private static final List<String> REQUIRED = List.of("firstName", "lastName", "streetNumber", "streetName", "city",
            "province", "postalCode", "serviceClass");

    private final FakeStore subscribers = new FakeStore("did", Set.of());

    @Override
    public String name() {
        return "e911";
    }

    @Override
    public void register(ClientAndServer server) {
        server.when(request().withMethod("PUT").withPath(SUBSCRIBER_PATH)).respond(this::put);
        server.when(request().withMethod("GET").withPath(SUBSCRIBER_PATH)).respond(r -> {
            ObjectNode registration = subscribers.get(lastSegment(r.getPath().getValue()));
            return registration == null ? problem(404, "No registration", "No 911 address for this DID", null)
                    : json(200, subscribers.shown(registration));
        });
        server.when(request().withMethod("DELETE").withPath(SUBSCRIBER_PATH)).respond(r ->
                empty(subscribers.remove(lastSegment(r.getPath().getValue())) ? 204 : 404));
        server.when(request().withMethod("GET").withPath("/e911/v1/subscribers")).respond(this::list);
    }

    @Override
    public void reset() {
        subscribers.clear();
    }

    /** Puts a registration straight into the provider's memory, as if it had been provisioned long ago. */
    void preload(String did, java.util.Map<String, ?> subscriber) {
        ObjectNode body = subscribers.mapper().valueToTree(subscriber);
        body.put("status", "provisioned");
        body.put("enhancedCapable", true);
        subscribers.put(did, body);
    }

    private HttpResponse put(HttpRequest request) {
        ObjectNode body = subscribers.parse(request.getBodyAsString());
        if (body == null) {
            return problem(400, "Bad request", "Body is not JSON", null);
        }
        List<String> invalid = new ArrayList<>();
        REQUIRED.forEach(field -> {
            if (body.path(field).asText("").isBlank()) {
                invalid.add(field);
            }
        });
        if (!invalid.contains("postalCode") && !body.path("postalCode").asText().matches("^[A-Z]\\d[A-Z] ?\\d[A-Z]\\d$")) {
            invalid.add("postalCode");
        }
        if (!invalid.contains("serviceClass") && !Set.of("RES", "BUS").contains(body.path("serviceClass").asText())) {
            invalid.add("serviceClass");
        }
        if (body.path("streetName").asText("").toUpperCase().contains("INCONNUE")) {
            invalid.add("streetName");
        }
        if (!invalid.isEmpty()) {
            return problem(422, "Address not validated", "The civic address does not validate", invalid);
        }
        body.put("status", "provisioned");
        body.put("enhancedCapable", true);
        body.put("updatedAt", Instant.now().toString());
        subscribers.put(lastSegment(request.getPath().getValue()), body);
        return json(200, subscribers.shown(body));
    }

    private HttpResponse list(HttpRequest request) {
        int page = intParam(request, "page", 0);
        int size = Math.min(Math.max(intParam(request, "size", 500), 1), 1000);
        List<ObjectNode> all = subscribers.all();
        ObjectNode answer = subscribers.mapper().createObjectNode();
        ArrayNode items = answer.putArray("items");
        all.stream().skip((long) page * size).limit(size).forEach(items::add);
        answer.put("page", page);
        answer.put("totalPages", (all.size() + size - 1) / size);
        return json(200, answer.toString());
    }

    private static int intParam(HttpRequest request, String name, int fallback) {
        try {
            String value = request.getFirstQueryStringParameter(name);
            return value == null || value.isBlank() ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
