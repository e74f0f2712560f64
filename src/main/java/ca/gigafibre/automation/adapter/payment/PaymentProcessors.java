package ca.gigafibre.automation.adapter.payment;

import ca.gigafibre.automation.adapter.AdapterEndpoints;
import ca.gigafibre.automation.adapter.ExternalApi;
import ca.gigafibre.automation.adapter.ExternalRequestRejected;
import ca.gigafibre.automation.adapter.ExternalSystemUnavailable;
import com.fasterxml.jackson.databind.JsonNode;
import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.CardException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeSearchResult;
import com.stripe.param.PaymentIntentSearchParams;
import java.util.Optional;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Charges through Stripe (off-session PaymentIntent with the official client, amount in cents, CAD) or Paysafe
 * (card token, or bank pre-authorized debit). A decline is a business answer ({@code DECLINED}); a timeout or a
 * 5xx is {@link ExternalSystemUnavailable}, retried by Camunda with the same idempotency key.
 */
@Component
public class PaymentProcessors {

    private final AdapterEndpoints endpoints;
    private final Supplier<StripeClient> stripe;
    private final Supplier<ExternalApi> paysafe;

    public PaymentProcessors(AdapterEndpoints endpoints) {
        this.endpoints = endpoints;
        this.stripe = SingletonSupplier.of(() -> StripeClient.builder()
                .setApiKey(endpoints.endpoint("stripe").map(e -> e.token()).filter(t -> t != null && !t.isBlank()).orElse("sk_test_fake"))
                .setApiBase(endpoints.baseUrl("stripe"))
                .setConnectTimeout((int) endpoints.connectTimeout("stripe").toMillis())
                .setReadTimeout((int) endpoints.readTimeout("stripe").toMillis())
                .setMaxNetworkRetries(0)   // Camunda retries the job, with the same idempotency key
                .build());
        this.paysafe = SingletonSupplier.of(() -> ExternalApi.of("paysafe", endpoints));
    }

    public ChargeResult charge(ChargeRequest request) {
        return switch (request.method()) {
            case "stripe" -> stripe(request);
            case "paysafe" -> paysafe(request, "/cardpayments/v1/accounts/{account}/auths", Map.of("merchantRefNum", request.idempotencyKey(),
                    "amount", request.cents(), "settleWithAuth", true, "card", Map.of("paymentToken", request.secret()),
                    "description", request.description()));
            case "bank" -> paysafe(request, "/directdebit/v1/accounts/{account}/purchases", Map.of("merchantRefNum", request.idempotencyKey(),
                    "amount", request.cents(), "eft", Map.of("accountHolderName", request.accountHolder(), "accountNumber", request.secret(),
                            "transitNumber", request.bankTransit(), "institutionId", request.bankInstitution())));
            default -> throw new IllegalArgumentException("Unknown payment method " + request.method());
        };
    }

    /**
     * What the processor did with this idempotency key, asked before a charge is sent again (Stripe forgets idempotency
     * keys after 24 hours; Paysafe refuses a reused merchantRefNum): empty when it has no trace of it.
     */
    public Optional<ChargeResult> lookup(String method, String idempotencyKey) {
        return switch (method) {
            case "stripe" -> stripeLookup(idempotencyKey);
            case "paysafe" -> paysafeLookup("/cardpayments/v1/accounts/{account}/auths", "auths", idempotencyKey);
            case "bank" -> paysafeLookup("/directdebit/v1/accounts/{account}/purchases", "purchases", idempotencyKey);
            default -> throw new IllegalArgumentException("Unknown payment method " + method);
        };
    }

    /** Where a submitted bank debit stands now: settled, returned (with the bank's reason) or still pending. */
    public Settlement settlement(String method, String processorRef) {
        if ("stripe".equals(method)) {
            try {
                PaymentIntent intent = stripe.get().v1().paymentIntents().retrieve(processorRef);
                return switch (intent.getStatus()) {
                    case "succeeded" -> new Settlement("COMPLETED", null, null);
                    case "processing" -> new Settlement("PENDING", null, null);
                    default -> intent.getLastPaymentError() == null ? new Settlement("RETURNED", intent.getStatus(), null)
                            : new Settlement("RETURNED", intent.getLastPaymentError().getMessage(), intent.getLastPaymentError().getDeclineCode() != null
                                    ? intent.getLastPaymentError().getDeclineCode() : intent.getLastPaymentError().getCode());
                };
            } catch (StripeException e) {
                throw new ExternalSystemUnavailable("stripe", "GET /v1/payment_intents/{id}", String.valueOf(e.getStatusCode()), e);
            }
        }
        String path = "bank".equals(method) ? "/directdebit/v1/accounts/{account}/purchases/{id}" : "/cardpayments/v1/accounts/{account}/auths/{id}";
        String account = account();
        JsonNode payment = paysafe.get().call("GET " + path, c -> c.get().uri(path, account, processorRef).retrieve().body(JsonNode.class));
        return switch (payment.path("status").asText()) {
            case "COMPLETED" -> new Settlement("COMPLETED", null, null);
            case "FAILED", "CANCELLED", "RETURNED" -> new Settlement("RETURNED", payment.path("error").path("message").asText(payment.path("status").asText()),
                    payment.path("error").path("code").asText(null));
            default -> new Settlement("PENDING", null, null);
        };
    }

    /** {@code COMPLETED}, {@code RETURNED} (with the reason, and the processor's return code when it gives one) or {@code PENDING}. */
    public record Settlement(String status, String reason, String code) {
    }

    private Optional<ChargeResult> stripeLookup(String idempotencyKey) {
        try {
            StripeSearchResult<PaymentIntent> found = stripe.get().v1().paymentIntents().search(PaymentIntentSearchParams.builder()
                    .setQuery("metadata['idempotency_key']:'" + idempotencyKey + "'").build());
            return found.getData().stream().findFirst().map(PaymentProcessors::result);
        } catch (ApiConnectionException e) {
            throw new ExternalSystemUnavailable("stripe", "GET /v1/payment_intents/search", "unreachable", e);
        } catch (StripeException e) {
            throw new ExternalSystemUnavailable("stripe", "GET /v1/payment_intents/search", String.valueOf(e.getStatusCode()), e);
        }
    }

    private Optional<ChargeResult> paysafeLookup(String path, String listName, String merchantRefNum) {
        String account = account();
        JsonNode answer = paysafe.get().call("GET " + path, c -> c.get().uri(b -> b.path(path).queryParam("merchantRefNum", merchantRefNum)
                .build(account)).retrieve().body(JsonNode.class));
        for (JsonNode payment : answer.path(listName)) {
            String status = payment.path("status").asText();
            if (!"FAILED".equals(status) && !"DECLINED".equals(status)) {
                return Optional.of(paysafeResult(payment));
            }
        }
        return Optional.empty();
    }

    private static ChargeResult result(PaymentIntent intent) {
        return switch (intent.getStatus()) {
            case "succeeded" -> new ChargeResult("SUCCEEDED", intent.getId(), null);
            case "processing" -> new ChargeResult("PENDING", intent.getId(), null);
            default -> new ChargeResult("DECLINED", intent.getId(), "payment intent " + intent.getStatus());
        };
    }

    private static ChargeResult paysafeResult(JsonNode payment) {
        return new ChargeResult("COMPLETED".equals(payment.path("status").asText()) ? "SUCCEEDED" : "PENDING", payment.path("id").asText(), null);
    }

    private String account() {
        return endpoints.endpoint("paysafe").map(e -> e.accountId()).filter(a -> a != null && !a.isBlank()).orElse("1001000000");
    }

    private ChargeResult stripe(ChargeRequest request) {
        PaymentIntentCreateParams.Builder params = PaymentIntentCreateParams.builder()
                .setAmount(request.cents()).setCurrency("cad").setCustomer(request.stripeCustomerId())
                .setConfirm(true).setOffSession(true).setDescription(request.description())
                .putMetadata("idempotency_key", request.idempotencyKey());
        if (request.stripePaymentMethodId() != null) {
            params.setPaymentMethod(request.stripePaymentMethodId());
        }
        try {
            PaymentIntent intent = stripe.get().v1().paymentIntents().create(params.build(),
                    RequestOptions.builder().setIdempotencyKey(request.idempotencyKey()).build());
            return result(intent);
        } catch (CardException declined) {
            return new ChargeResult("DECLINED", null, declined.getCode() + ": " + declined.getStripeError().getMessage());
        } catch (ApiConnectionException e) {
            throw new ExternalSystemUnavailable("stripe", "POST /v1/payment_intents", "unreachable", e);
        } catch (StripeException e) {
            if (e.getStatusCode() != null && e.getStatusCode() < 500 && e.getStatusCode() != 429 && e.getStatusCode() != 408) {
                throw new ExternalRequestRejected("stripe", "POST /v1/payment_intents", e.getStatusCode(), e.getMessage(), java.util.List.of());
            }
            throw new ExternalSystemUnavailable("stripe", "POST /v1/payment_intents", String.valueOf(e.getStatusCode()), e);
        }
    }

    private ChargeResult paysafe(ChargeRequest request, String path, Map<String, Object> body) {
        String account = account();
        try {
            return paysafeResult(paysafe.get().call("POST " + path, c -> c.post().uri(path, account).body(body).retrieve().body(JsonNode.class)));
        } catch (ExternalRequestRejected e) {
            if (e.status() == 402) {
                return new ChargeResult("DECLINED", null, e.providerMessage());
            }
            if (e.status() == 409) {
                // Paysafe refuses a reused merchantRefNum: the first payment with it is the answer
                return paysafeLookup(path, path.endsWith("auths") ? "auths" : "purchases", request.idempotencyKey()).orElseThrow(() -> e);
            }
            throw e;
        }
    }
}
