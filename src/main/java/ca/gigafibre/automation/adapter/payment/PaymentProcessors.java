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

    private ChargeResult stripe(ChargeRequest request) {
        PaymentIntentCreateParams.Builder params = PaymentIntentCreateParams.builder()
                .setAmount(request.cents()).setCurrency("cad").setCustomer(request.stripeCustomerId())
                .setConfirm(true).setOffSession(true).setDescription(request.description());
        if (request.stripePaymentMethodId() != null) {
            params.setPaymentMethod(request.stripePaymentMethodId());
        }
        try {
            PaymentIntent intent = stripe.get().v1().paymentIntents().create(params.build(),
                    RequestOptions.builder().setIdempotencyKey(request.idempotencyKey()).build());
            return "succeeded".equals(intent.getStatus()) || "processing".equals(intent.getStatus())
                    ? new ChargeResult("SUCCEEDED", intent.getId(), null)
                    : new ChargeResult("DECLINED", intent.getId(), "payment intent " + intent.getStatus());
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
        String account = endpoints.endpoint("paysafe").map(e -> e.accountId()).filter(a -> a != null && !a.isBlank()).orElse("1001000000");
        try {
            JsonNode answer = paysafe.get().call("POST " + path, c -> c.post().uri(path, account).body(body).retrieve().body(JsonNode.class));
            return new ChargeResult("COMPLETED".equals(answer.path("status").asText()) ? "SUCCEEDED" : "PENDING", answer.path("id").asText(), null);
        } catch (ExternalRequestRejected e) {
            if (e.status() == 402) {
                return new ChargeResult("DECLINED", null, e.providerMessage());
            }
            throw e;
        }
    }
}
