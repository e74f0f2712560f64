package ca.gigafibre.automation.adapter.fake;

import static ca.gigafibre.automation.adapter.fake.FakeResponses.json;
import static org.mockserver.model.HttpRequest.request;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.model.HttpRequest;
import org.mockserver.model.HttpResponse;

/**
 * Stripe PaymentIntents and Paysafe card/direct-debit payments, as the real ones behave for what the engine relies on:
 * Stripe returns the first answer again for a reused {@code Idempotency-Key} (until it forgets keys, after 24 hours:
 * {@link #forgetIdempotencyKeys()}) and finds intents by metadata ({@code GET /v1/payment_intents/search});
 * Paysafe refuses a reused {@code merchantRefNum} and finds payments by it ({@code GET …?merchantRefNum=}).
 * A Stripe customer whose id contains "decline" gets a card_declined 402, as a real declined card does.
 */
class FakePaymentProcessors implements FakeSystem {

    private static final Pattern METADATA_QUERY = Pattern.compile("metadata\\['([^']+)'\\]:'([^']*)'");

    private final Map<String, HttpResponse> stripeByIdempotencyKey = new ConcurrentHashMap<>();
    private final Map<String, String> stripeIntents = new ConcurrentHashMap<>();   // id → JSON, in creation order below
    private final List<String> stripeOrder = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, String> paysafeByRef = new ConcurrentHashMap<>();    // path kind + merchantRefNum → JSON
    private final Map<String, String> returnedDebits = new ConcurrentHashMap<>();  // merchantRefNum → the bank's reason
    private final Map<String, String> returnCodes = new ConcurrentHashMap<>();     // merchantRefNum → the return code

    @Override
    public String name() {
        return "stripe";
    }

    @Override
    public void register(ClientAndServer server) {
        server.when(request().withMethod("GET").withPath("/stripe/v1/payment_intents/search")).respond(this::searchIntents);
        server.when(request().withMethod("POST").withPath("/stripe/v1/payment_intents")).respond(this::paymentIntent);
        server.when(request().withMethod("GET").withPath("/paysafe/cardpayments/v1/accounts/[^/]+/auths"))
                .respond(r -> lookup("auths", r));
        server.when(request().withMethod("GET").withPath("/paysafe/directdebit/v1/accounts/[^/]+/purchases"))
                .respond(r -> lookup("purchases", r));
        server.when(request().withMethod("GET").withPath("/paysafe/directdebit/v1/accounts/[^/]+/purchases/[^/]+"))
                .respond(r -> paymentStatus("purchases", r));
        server.when(request().withMethod("GET").withPath("/paysafe/cardpayments/v1/accounts/[^/]+/auths/[^/]+"))
                .respond(r -> paymentStatus("auths", r));
        server.when(request().withMethod("POST").withPath("/paysafe/cardpayments/v1/accounts/[^/]+/auths"))
                .respond(r -> paysafePayment("auths", "COMPLETED", r));
        server.when(request().withMethod("POST").withPath("/paysafe/directdebit/v1/accounts/[^/]+/purchases"))
                .respond(r -> paysafePayment("purchases", "PENDING", r));
    }

    @Override
    public void reset() {
        stripeByIdempotencyKey.clear();
        stripeIntents.clear();
        stripeOrder.clear();
        paysafeByRef.clear();
        returnedDebits.clear();
        returnCodes.clear();
    }

    /**
     * The bank will return this debit (NSF, account closed …) instead of settling it — or, once it settled, returns it
     * later (a PAD return within 90 days); for a card payment, a chargeback.
     */
    void returnDirectDebit(String merchantRefNum, String reason) {
        returnedDebits.put(merchantRefNum, reason);
    }

    /** Returned with a Payments Canada return code (901 NSF, 905 account closed, 903 payment stopped …), as Paysafe relays it. */
    void returnDirectDebit(String merchantRefNum, String code, String reason) {
        returnCodes.put(merchantRefNum, code);
        returnedDebits.put(merchantRefNum, reason);
    }

    /**
     * A payment by id ({@code GET …/purchases/{id}}, {@code GET …/auths/{id}}): a direct debit settles (COMPLETED) the first
     * time it is looked at after submission and a card payment is COMPLETED, unless returned ({@link #returnDirectDebit}).
     */
    private HttpResponse paymentStatus(String kind, HttpRequest request) {
        String path = request.getPath().getValue();
        String id = path.substring(path.lastIndexOf('/') + 1);
        for (Map.Entry<String, String> stored : paysafeByRef.entrySet()) {
            if (stored.getKey().startsWith(kind + ":") && stored.getValue().contains("\"id\":\"" + id + "\"")) {
                String ref = stored.getKey().substring(kind.length() + 1);
                String reason = returnedDebits.get(ref);
                return json(200, reason == null
                        ? "{\"id\":\"" + id + "\",\"status\":\"COMPLETED\",\"merchantRefNum\":\"" + ref + "\"}"
                        : "{\"id\":\"" + id + "\",\"status\":\"FAILED\",\"merchantRefNum\":\"" + ref + "\",\"error\":{\"code\":\"" + returnCodes.getOrDefault(ref, "3022") + "\",\"message\":\""
                                + reason + "\"}}");
            }
        }
        return json(404, "{\"error\":{\"code\":\"5269\",\"message\":\"The ID(s) specified in the URL do not correspond to the values in the system.\"}}");
    }

    /** Stripe keeps idempotency keys for 24 hours only: a request sent again later is a new charge. */
    void forgetIdempotencyKeys() {
        stripeByIdempotencyKey.clear();
    }

    private HttpResponse paymentIntent(HttpRequest request) {
        String key = request.getFirstHeader("Idempotency-Key");
        if (key != null && !key.isBlank()) {
            return stripeByIdempotencyKey.computeIfAbsent(key, k -> chargeOnce(request));
        }
        return chargeOnce(request);
    }

    private HttpResponse chargeOnce(HttpRequest request) {
        Map<String, String> form = form(request.getBodyAsString());
        String id = "pi_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        String customer = form.getOrDefault("customer", "");
        if (customer.contains("decline")) {
            return json(402, "{\"error\":{\"type\":\"card_error\",\"code\":\"card_declined\",\"decline_code\":\"insufficient_funds\","
                    + "\"message\":\"Your card has insufficient funds.\",\"payment_intent\":{\"id\":\"" + id + "\",\"status\":\"requires_payment_method\"}}}");
        }
        StringBuilder metadata = new StringBuilder();
        form.forEach((name, value) -> {
            if (name.startsWith("metadata[")) {
                metadata.append(metadata.length() == 0 ? "" : ",").append('"').append(name, 9, name.length() - 1).append("\":\"")
                        .append(value).append('"');
            }
        });
        String intent = "{\"id\":\"" + id + "\",\"object\":\"payment_intent\",\"amount\":" + form.getOrDefault("amount", "0")
                + ",\"currency\":\"" + form.getOrDefault("currency", "cad") + "\",\"customer\":\"" + customer
                + "\",\"status\":\"succeeded\",\"metadata\":{" + metadata + "}}";
        stripeIntents.put(id, intent);
        stripeOrder.add(id);
        return json(200, intent);
    }

    private HttpResponse searchIntents(HttpRequest request) {
        String query = request.getFirstQueryStringParameter("query");
        Matcher m = METADATA_QUERY.matcher(query == null ? "" : query);
        if (!m.find()) {
            return json(400, "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Unsupported search query in the fake: " + query + "\"}}");
        }
        String needle = "\"" + m.group(1) + "\":\"" + m.group(2) + "\"";
        StringBuilder data = new StringBuilder();
        for (String id : stripeOrder) {
            String intent = stripeIntents.get(id);
            if (intent.contains(needle)) {
                data.append(data.length() == 0 ? "" : ",").append(intent);
            }
        }
        return json(200, "{\"object\":\"search_result\",\"url\":\"/v1/payment_intents/search\",\"has_more\":false,\"data\":[" + data + "]}");
    }

    private HttpResponse paysafePayment(String kind, String status, HttpRequest request) {
        String ref = merchantRef(request);
        String payment = "{\"id\":\"" + UUID.randomUUID() + "\",\"status\":\"" + status + "\",\"merchantRefNum\":\"" + ref + "\"}";
        if (paysafeByRef.putIfAbsent(kind + ":" + ref, payment) != null) {
            return json(409, "{\"error\":{\"code\":\"3406\",\"message\":\"The merchantRefNum " + ref
                    + " has already been used for a transaction that was not declined.\"}}");
        }
        return json(201, payment);
    }

    private HttpResponse lookup(String kind, HttpRequest request) {
        String payment = paysafeByRef.get(kind + ":" + request.getFirstQueryStringParameter("merchantRefNum"));
        return json(200, "{\"" + kind + "\":[" + (payment == null ? "" : payment) + "]}");
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
