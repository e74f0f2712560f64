package ca.gigafibre.automation.adapter.fake;

import static ca.gigafibre.automation.adapter.fake.FakeResponses.json;
import static org.mockserver.model.HttpRequest.request;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mockserver.integration.ClientAndServer;

/**
 * The systems the engine only informs or queries: GenieACS NBI (a CPE informs it once its ONT is registered on
 * the fake OLT), ERPNext (accepts documents), and Twilio (queues SMS).
 */
class FakeSupportSystems implements FakeSystem {

    private static final Pattern SERIAL = Pattern.compile("_SerialNumber\"\\s*:\\s*\"([^\"]+)\"");

    private final Predicate<String> ontRegistered;

    FakeSupportSystems(Predicate<String> ontRegistered) {
        this.ontRegistered = ontRegistered;
    }

    @Override
    public String name() {
        return "support";
    }

    @Override
    public void register(ClientAndServer server) {
        server.when(request().withMethod("GET").withPath("/genieacs/devices/?")).respond(r -> {
            Matcher serial = SERIAL.matcher(String.valueOf(r.getFirstQueryStringParameter("query")));
            return serial.find() && ontRegistered.test(serial.group(1))
                    ? json(200, "[{\"_id\":\"202BC1-XZ000G3-" + serial.group(1) + "\",\"_lastInform\":\"" + Instant.now() + "\"}]")
                    : json(200, "[]");
        });
        server.when(request().withMethod("POST").withPath("/genieacs/devices/[^/]+/tasks")).respond(r ->
                json(200, "{\"_id\":\"" + UUID.randomUUID() + "\",\"name\":\"task\"}"));
        server.when(request().withPath("/erpnext/api/resource/.*")).respond(r -> json(200, "{\"data\":{\"name\":\"ERP-"
                + UUID.randomUUID().toString().substring(0, 8) + "\"}}"));
        server.when(request().withMethod("POST").withPath("/twilio/2010-04-01/Accounts/[^/]+/Messages.json")).respond(r ->
                json(201, "{\"sid\":\"SM" + UUID.randomUUID().toString().replace("-", "") + "\",\"status\":\"queued\"}"));
    }
}
