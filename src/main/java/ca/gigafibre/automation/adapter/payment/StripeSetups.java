package ca.gigafibre.automation.adapter.payment;

import ca.gigafibre.automation.adapter.AdapterEndpoints;
import ca.gigafibre.automation.adapter.ExternalRequestRejected;
import ca.gigafibre.automation.adapter.ExternalSystemUnavailable;
import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.PaymentMethod;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Saving a card for later with Stripe: the customer (created once per account, idempotently), a Checkout Session in
 * {@code setup} mode — Stripe's hosted page, whose SetupIntent saves the card — and the saved card's brand, last digits
 * and expiry. Only ids and those details come back: never a card number. The session's link is a bearer link: callers
 * send it to the customer and keep or log nothing of it.
 */
@Component
public class StripeSetups {

    private final Supplier<StripeClient> stripe;

    public StripeSetups(AdapterEndpoints endpoints) {
        this.stripe = SingletonSupplier.of(() -> StripeClient.builder()
                .setApiKey(endpoints.endpoint("stripe").map(e -> e.token()).filter(t -> t != null && !t.isBlank()).orElse("sk_test_fake"))
                .setApiBase(endpoints.baseUrl("stripe"))
                .setConnectTimeout((int) endpoints.connectTimeout("stripe").toMillis())
                .setReadTimeout((int) endpoints.readTimeout("stripe").toMillis())
                .setMaxNetworkRetries(0)
                .build());
    }

    /** A hosted setup page: the session, its SetupIntent (when Stripe made it at once), its link and when it expires. */
    public record SetupLink(String sessionId, String setupIntentId, String url, Instant expiresAt) {

        @Override
        public String toString() {
            return "SetupLink[sessionId=" + sessionId + ", setupIntentId=" + setupIntentId + ", url=***, expiresAt=" + expiresAt + "]";
        }
    }

    /** A saved card as the account shows it. */
    public record Card(String paymentMethodId, String brand, String last4, Integer expMonth, Integer expYear) {
    }

    /** @param idempotencyKey the same key for the same account, so a retried request makes no second customer */
    public String createCustomer(String customerNo, String name, String email, String language, String idempotencyKey) {
        CustomerCreateParams.Builder params = CustomerCreateParams.builder().setName(name).putMetadata("customer_id", customerNo)
                .addPreferredLocale("fr".equals(language) ? "fr-CA" : "en-CA");
        if (email != null && !email.isBlank()) {
            params.setEmail(email);
        }
        return call("POST /v1/customers", () -> {
            Customer customer = stripe.get().v1().customers().create(params.build(), keyed(idempotencyKey));
            return customer.getId();
        });
    }

    /** @param switchNo written into the session's and its SetupIntent's metadata ({@code switch_id}) and used as idempotency key */
    public SetupLink createSetupSession(String stripeCustomerId, String switchNo, String language, Instant expiresAt, String returnUrl) {
        SessionCreateParams params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SETUP).setCurrency("cad").setCustomer(stripeCustomerId)
                .addPaymentMethodType(SessionCreateParams.PaymentMethodType.CARD)
                .setLocale("fr".equals(language) ? SessionCreateParams.Locale.FR_CA : SessionCreateParams.Locale.EN)
                .setClientReferenceId(switchNo).putMetadata("switch_id", switchNo)
                .setSetupIntentData(SessionCreateParams.SetupIntentData.builder().putMetadata("switch_id", switchNo).build())
                .setExpiresAt(expiresAt.getEpochSecond())
                .setSuccessUrl(returnUrl).setCancelUrl(returnUrl)
                .build();
        return call("POST /v1/checkout/sessions", () -> link(stripe.get().v1().checkout().sessions().create(params, keyed("stripe-switch:" + switchNo))));
    }

    public SetupLink session(String sessionId) {
        return call("GET /v1/checkout/sessions/{id}", () -> link(stripe.get().v1().checkout().sessions().retrieve(sessionId)));
    }

    public Card card(String paymentMethodId) {
        return call("GET /v1/payment_methods/{id}", () -> {
            PaymentMethod method = stripe.get().v1().paymentMethods().retrieve(paymentMethodId);
            PaymentMethod.Card card = method.getCard();
            return card == null ? new Card(method.getId(), null, null, null, null)
                    : new Card(method.getId(), card.getBrand(), card.getLast4(), toInt(card.getExpMonth()), toInt(card.getExpYear()));
        });
    }

    private static SetupLink link(Session session) {
        return new SetupLink(session.getId(), session.getSetupIntent(), session.getUrl(),
                session.getExpiresAt() == null ? null : Instant.ofEpochSecond(session.getExpiresAt()));
    }

    private static Integer toInt(Long value) {
        return value == null ? null : value.intValue();
    }

    private static RequestOptions keyed(String idempotencyKey) {
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    }

    private interface StripeCall<T> {
        T run() throws StripeException;
    }

    private static <T> T call(String operation, StripeCall<T> call) {
        try {
            return call.run();
        } catch (ApiConnectionException e) {
            throw new ExternalSystemUnavailable("stripe", operation, "unreachable", e);
        } catch (StripeException e) {
            Integer status = e.getStatusCode();
            if (status != null && status >= 400 && status < 500 && status != 408 && status != 429) {
                throw new ExternalRequestRejected("stripe", operation, status, e.getMessage(), List.of());
            }
            throw new ExternalSystemUnavailable("stripe", operation, String.valueOf(status), e);
        }
    }
}
