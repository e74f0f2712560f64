package ca.gigafibre.automation.adapter.fake;

import static ca.gigafibre.automation.adapter.fake.FakeResponses.empty;
import static ca.gigafibre.automation.adapter.fake.FakeResponses.json;
import static ca.gigafibre.automation.adapter.fake.FakeResponses.lastSegment;
import static ca.gigafibre.automation.adapter.fake.FakeResponses.problem;
import static org.mockserver.model.HttpRequest.request;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.model.HttpRequest;
import org.mockserver.model.HttpResponse;

/** PBX ({@code shared/contracts/pbx.yaml}): SIP lines by DID; passwords and PINs are stored, never shown. */
class FakePbx implements FakeSystem {

    private static final String LINE_PATH = "/pbx/v1/lines/\\d{10}";
    private static final Set<String> STATES = Set.of("active", "suspended", "emergency-only");

    private final FakeStore lines = new FakeStore("did", Set.of("sipPassword", "voicemail"));

    @Override
    public String name() {
        return "pbx";
    }

    @Override
    public void register(ClientAndServer server) {
        server.when(request().withMethod("PUT").withPath(LINE_PATH)).respond(this::put);
        server.when(request().withMethod("PATCH").withPath(LINE_PATH)).respond(this::patch);
        server.when(request().withMethod("GET").withPath(LINE_PATH)).respond(r -> {
            ObjectNode line = lines.get(lastSegment(r.getPath().getValue()));
            return line == null ? problem(404, "Unknown line", "No line for this DID", null) : json(200, lines.shown(line));
        });
        server.when(request().withMethod("DELETE").withPath(LINE_PATH)).respond(r ->
                empty(lines.remove(lastSegment(r.getPath().getValue())) ? 204 : 404));
    }

    @Override
    public void reset() {
        lines.clear();
    }

    /** The PBX already has this line (demo data). */
    void preload(String did, String callerIdName, String state) {
        ObjectNode line = lines.mapper().createObjectNode();
        line.put("callerIdName", callerIdName).put("state", state).put("voicemailEnabled", false);
        lines.put(did, line);
    }

    private HttpResponse put(HttpRequest request) {
        ObjectNode body = lines.parse(request.getBodyAsString());
        if (body == null) {
            return problem(400, "Bad request", "Body is not JSON", null);
        }
        List<String> invalid = new ArrayList<>();
        String callerId = body.path("callerIdName").asText("");
        if (callerId.isBlank() || callerId.length() > 15) {
            invalid.add("callerIdName");
        }
        if (body.path("sipPassword").asText("").isBlank()) {
            invalid.add("sipPassword");
        }
        if (!STATES.contains(body.path("state").asText(""))) {
            invalid.add("state");
        }
        if (!invalid.isEmpty()) {
            return problem(422, "Invalid line data", "Fields at fault: " + invalid, invalid);
        }
        body.put("voicemailEnabled", body.path("voicemail").path("enabled").asBoolean(false));
        boolean created = lines.put(lastSegment(request.getPath().getValue()), body);
        return json(created ? 201 : 200, lines.shown(body));
    }

    private HttpResponse patch(HttpRequest request) {
        ObjectNode changes = lines.parse(request.getBodyAsString());
        if (changes == null || !STATES.contains(changes.path("state").asText(""))) {
            return problem(422, "Invalid state", "state must be one of " + STATES, List.of("state"));
        }
        ObjectNode updated = lines.merge(lastSegment(request.getPath().getValue()), changes);
        return updated == null ? problem(404, "Unknown line", "No line for this DID", null) : json(200, lines.shown(updated));
    }
}
