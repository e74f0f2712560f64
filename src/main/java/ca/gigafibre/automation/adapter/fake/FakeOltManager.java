package ca.gigafibre.automation.adapter.fake;

import static ca.gigafibre.automation.adapter.fake.FakeResponses.empty;
import static ca.gigafibre.automation.adapter.fake.FakeResponses.json;
import static ca.gigafibre.automation.adapter.fake.FakeResponses.lastSegment;
import static ca.gigafibre.automation.adapter.fake.FakeResponses.problem;
import static org.mockserver.model.HttpRequest.request;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.model.HttpRequest;
import org.mockserver.model.HttpResponse;

/**
 * OLT manager ({@code shared/contracts/olt-manager.yaml}): ONTs by serial. 409 when a serial is registered on
 * another port or customer, 422 for an unknown OLT (known: OLT-EAST, OLT-WEST, OLT-NORTH, OLT-SOUTH) or a bad port.
 */
class FakeOltManager implements FakeSystem {

    static final Set<String> KNOWN_OLTS = Set.of("OLT-EAST", "OLT-WEST", "OLT-NORTH", "OLT-SOUTH");
    private static final String ONT_PATH = "/olt/v1/onts/[^/]+";

    private final FakeStore onts = new FakeStore("serial", Set.of());

    @Override
    public String name() {
        return "olt";
    }

    @Override
    public void register(ClientAndServer server) {
        server.when(request().withMethod("PUT").withPath(ONT_PATH)).respond(this::put);
        server.when(request().withMethod("PATCH").withPath(ONT_PATH)).respond(this::patch);
        server.when(request().withMethod("GET").withPath(ONT_PATH)).respond(this::get);
        server.when(request().withMethod("DELETE").withPath(ONT_PATH)).respond(r ->
                empty(onts.remove(lastSegment(r.getPath().getValue())) ? 204 : 404));
    }

    @Override
    public void reset() {
        onts.clear();
    }

    /** The OLT already knows this ONT (demo data). */
    void preload(String serial, String oltId, String port, String customerId, String state) {
        com.fasterxml.jackson.databind.node.ObjectNode ont = onts.mapper().createObjectNode();
        ont.put("oltId", oltId).put("port", port).put("customerId", customerId).put("state", state).put("rxPowerDbm", -19.4);
        onts.put(serial, ont);
    }

    /** True once the ONT was registered: its CPE then shows up in the fake GenieACS. */
    boolean knows(String serial) {
        return onts.get(serial) != null;
    }

    private HttpResponse put(HttpRequest request) {
        String serial = lastSegment(request.getPath().getValue());
        ObjectNode body = onts.parse(request.getBodyAsString());
        if (body == null) {
            return problem(400, "Bad request", "Body is not JSON", null);
        }
        String olt = body.path("oltId").asText("");
        String port = body.path("port").asText("");
        if (!KNOWN_OLTS.contains(olt) || !port.matches("^\\d+/\\d+/\\d+$")) {
            return problem(422, "Unknown OLT or port", "OLT '" + olt + "' port '" + port + "' does not exist", List.of("oltId", "port"));
        }
        ObjectNode existing = onts.get(serial);
        if (existing != null && (!existing.path("port").asText().equals(port)
                || !existing.path("customerId").asText().equals(body.path("customerId").asText()))) {
            return problem(409, "Serial already registered", "ONT " + serial + " is registered on "
                    + existing.path("oltId").asText() + " " + existing.path("port").asText(), null);
        }
        body.put("rxPowerDbm", -19.4);
        boolean created = onts.put(serial, body);
        return json(created ? 201 : 200, onts.shown(body));
    }

    private HttpResponse patch(HttpRequest request) {
        ObjectNode changes = onts.parse(request.getBodyAsString());
        ObjectNode updated = changes == null ? null : onts.merge(lastSegment(request.getPath().getValue()), changes);
        return updated == null ? problem(404, "Unknown ONT", "No ONT with this serial", null) : json(200, onts.shown(updated));
    }

    private HttpResponse get(HttpRequest request) {
        ObjectNode ont = onts.get(lastSegment(request.getPath().getValue()));
        return ont == null ? problem(404, "Unknown ONT", "No ONT with this serial", null) : json(200, onts.shown(ont));
    }
}
