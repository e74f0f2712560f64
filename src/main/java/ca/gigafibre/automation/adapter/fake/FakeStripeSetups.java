package ca.gigafibre.automation.adapter.fake;

import static ca.gigafibre.automation.adapter.fake.FakeResponses.json;
import static org.mockserver.model.HttpRequest.request;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.model.HttpRequest;
import org.mockserver.model.HttpResponse;

/**
 * Stripe's customers, Checkout Sessions in {@code setup} mode with their SetupIntents, and saved cards, as the real API
 * answers what the engine relies on: a reused {@code Idempotency-Key} gets the first answer again; a session has a
 * hosted {@code url}, its SetupIntent id and {@code expires_at}; {@link #complete} is the customer entering a card on
 * that page (the SetupIntent succeeds with a new {@code pm_…}), {@link #expire} the page left unused.
 */
class FakeStripeSetups implements FakeSystem {

    private final Map<String, HttpResponse> byIdempotencyKey = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> sessions = new ConcurrentHashMap<>();   // cs_… → fields
    private final Map<String, String> cards = new ConcurrentHashMap<>();                  // pm_… → JSON

    @Override
    public String name() {
        return "stripe";
    }

    @Override
    public void register(ClientAndServer server) {
        server.when(request().withMethod("POST").withPath("/stripe/v1/customers")).respond(r -> once(r, () -> customer(r)));
        server.when(request().withMethod("POST").withPath("/stripe/v1/checkout/sessions")).respond(r -> once(r, () -> createSession(r)));
        server.when(request().withMethod("GET").withPath("/stripe/v1/checkout/sessions/[^/]+")).respond(this::getSession);
        server.when(request().withMethod("GET").withPath("/stripe/v1/payment_methods/[^/]+")).respond(this::getCard);
    }

    @Override
    public void reset() {
        byIdempotencyKey.clear();
        sessions.clear();
        cards.clear();
    }

    /** The customer saves a Visa ending in 4242 on the session's page: returns the succeeded SetupIntent (an event's data.object). */
    String complete(String sessionId) {
        Map<String, String> session = sessions.get(sessionId);
        String pm = "pm_" + random();
        cards.put(pm, "{\"id\":\"" + pm + "\",\"object\":\"payment_method\",\"type\":\"card\",\"customer\":\"" + session.get("customer")
                + "\",\"card\":{\"brand\":\"visa\",\"last4\":\"4242\",\"exp_month\":12,\"exp_year\":2030,\"funding\":\"credit\"}}");
        session.put("status", "complete");
        session.put("payment_method", pm);
        return setupIntent(session, "succeeded");
    }

    /** The page was never used: returns the expired session (a {@code checkout.session.expired} event's data.object). */
    String expire(String sessionId) {
        Map<String, String> session = sessions.get(sessionId);
        session.put("status", "expired");
        return sessionJson(session);
    }

    private HttpResponse once(HttpRequest request, java.util.function.Supplier<HttpResponse> answer) {
        String key = request.getFirstHeader("Idempotency-Key");
        return key == null || key.isBlank() ? answer.get() : byIdempotencyKey.computeIfAbsent(key, k -> answer.get());
    }

    private HttpResponse customer(HttpRequest request) {
        Map<String, String> form = form(request.getBodyAsString());
        return json(200, "{\"id\":\"cus_" + random() + "\",\"object\":\"customer\",\"name\":\"" + form.getOrDefault("name", "")
                + "\",\"metadata\":{\"customer_id\":\"" + form.getOrDefault("metadata[customer_id]", "") + "\"}}");
    }

    private HttpResponse createSession(HttpRequest request) {
        Map<String, String> form = form(request.getBodyAsString());
        if (!"setup".equals(form.get("mode")) || form.get("customer") == null) {
            return json(400, "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"The fake answers setup-mode sessions for a customer only\"}}");
        }
        String id = "cs_test_" + random();
        Map<String, String> session = new LinkedHashMap<>();
        session.put("id", id);
        session.put("customer", form.get("customer"));
        session.put("setup_intent", "seti_" + random());
        session.put("switch_id", form.getOrDefault("setup_intent_data[metadata][switch_id]", ""));
        session.put("expires_at", form.getOrDefault("expires_at", String.valueOf(Instant.now().plusSeconds(86_400).getEpochSecond())));
        session.put("locale", form.getOrDefault("locale", "auto"));
        session.put("status", "open");
        sessions.put(id, session);
        return json(200, sessionJson(session));
    }

    private HttpResponse getSession(HttpRequest request) {
        Map<String, String> session = sessions.get(last(request));
        return session == null ? notFound("checkout.session") : json(200, sessionJson(session));
    }

    private HttpResponse getCard(HttpRequest request) {
        String card = cards.get(last(request));
        return card == null ? notFound("payment_method") : json(200, card);
    }

    private static String sessionJson(Map<String, String> s) {
        return "{\"id\":\"" + s.get("id") + "\",\"object\":\"checkout.session\",\"mode\":\"setup\",\"customer\":\"" + s.get("customer")
                + "\",\"setup_intent\":\"" + s.get("setup_intent") + "\",\"status\":\"" + s.get("status") + "\",\"locale\":\"" + s.get("locale")
                + "\",\"expires_at\":" + s.get("expires_at") + ",\"url\":\"https://checkout.stripe.com/c/pay/" + s.get("id")
                + "\",\"metadata\":{\"switch_id\":\"" + s.get("switch_id") + "\"}}";
    }

    private static String setupIntent(Map<String, String> s, String status) {
        return "{\"id\":\"" + s.get("setup_intent") + "\",\"object\":\"setup_intent\",\"customer\":\"" + s.get("customer")
                + "\",\"status\":\"" + status + "\",\"usage\":\"off_session\",\"payment_method\":\"" + s.get("payment_method")
                + "\",\"metadata\":{\"switch_id\":\"" + s.get("switch_id") + "\"}}";
    }

    private static HttpResponse notFound(String object) {
        return json(404, "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"resource_missing\",\"message\":\"No such " + object + "\"}}");
    }

    private static String last(HttpRequest request) {
        String path = request.getPath().getValue();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String random() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (body != null) {
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return fields;
    }
}
