package ca.gigafibre.automation.adapter.fake;

import static ca.gigafibre.automation.adapter.fake.FakeResponses.json;
import static org.mockserver.model.HttpRequest.request;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.model.HttpRequest;
import org.mockserver.model.HttpResponse;

/**
 * Stripe PaymentIntents and Paysafe card/direct-debit payments, with Stripe's idempotency semantics: the same
 * {@code Idempotency-Key} returns the first answer again and charges nothing more. A Stripe customer whose id
 * contains "decline" gets a card_declined 402, as a real declined card does.
 */
class FakePaymentProcessors implements FakeSystem {

    private final Map<String, HttpResponse> stripeByIdempotencyKey = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "stripe";
    }

    @Override
    public void register(ClientAndServer server) {
        server.when(request().withMethod("POST").withPath("/stripe/v1/payment_intents")).respond(this::paymentIntent);
        server.when(request().withMethod("POST").withPath("/paysafe/cardpayments/v1/accounts/[^/]+/auths")).respond(r ->
                json(201, "{\"id\":\"" + UUID.randomUUID() + "\",\"status\":\"COMPLETED\",\"merchantRefNum\":\""
                        + merchantRef(r) + "\"}"));
        server.when(request().withMethod("POST").withPath("/paysafe/directdebit/v1/accounts/[^/]+/purchases")).respond(r ->
                json(201, "{\"id\":\"" + UUID.randomUUID() + "\",\"status\":\"PENDING\",\"merchantRefNum\":\""
                        + merchantRef(r) + "\"}"));
    }

    @Override
    public void reset() {
        stripeByIdempotencyKey.clear();
    }

    private HttpResponse paymentIntent(HttpRequest request) {
        String key = request.getFirstHeader("Idempotency-Key");
        if (key != null && !key.isBlank()) {
            return stripeByIdempotencyKey.computeIfAbsent(key, k -> chargeOnce(request));
        }
        return chargeOnce(request);
    }

    private static HttpResponse chargeOnce(HttpRequest request) {
        Map<String, String> form = form(request.getBodyAsString());
        String id = "pi_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        String customer = form.getOrDefault("customer", "");
        if (customer.contains("decline")) {
            return json(402, "{\"error\":{\"type\":\"card_error\",\"code\":\"card_declined\",\"decline_code\":\"insufficient_funds\","
                    + "\"message\":\"Your card has insufficient funds.\",\"payment_intent\":{\"id\":\"" + id + "\",\"status\":\"requires_payment_method\"}}}");
        }
        return json(200, "{\"id\":\"" + id + "\",\"object\":\"payment_intent\",\"amount\":" + form.getOrDefault("amount", "0")
                + ",\"currency\":\"" + form.getOrDefault("currency", "cad") + "\",\"customer\":\"" + customer
                + "\",\"status\":\"succeeded\"}");
    }

    private static String merchantRef(HttpRequest request) {
        String body = request.getBodyAsString();
        int at = body == null ? -1 : body.indexOf("\"merchantRefNum\"");
        if (at < 0) {
            return "";
        }
        int start = body.indexOf('"', body.indexOf(':', at) + 1) + 1;
        return body.substring(start, body.indexOf('"', start));
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new HashMap<>();
        if (body == null) {
            return fields;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }
}
