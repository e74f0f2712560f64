package ca.gigafibre.automation.adapter.fake;

import static ca.gigafibre.automation.adapter.fake.FakeResponses.json;
import static org.mockserver.model.HttpRequest.request;

import java.util.UUID;
import org.mockserver.integration.ClientAndServer;

/** The systems the engine only informs: Twilio (queues SMS). ERPNext has its own stateful fake, {@link FakeErpNext}. */
class FakeSupportSystems implements FakeSystem {

    @Override
    public String name() {
        return "support";
    }

    @Override
    public void register(ClientAndServer server) {
        server.when(request().withMethod("POST").withPath("/twilio/2010-04-01/Accounts/[^/]+/Messages.json")).respond(r ->
                json(201, "{\"sid\":\"SM" + UUID.randomUUID().toString().replace("-", "") + "\",\"status\":\"queued\"}"));
    }
}
