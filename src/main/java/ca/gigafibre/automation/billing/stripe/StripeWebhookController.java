package ca.gigafibre.automation.billing.stripe;

import ca.gigafibre.automation.adapter.AdapterEndpoints;
import ca.gigafibre.automation.adapter.AdapterProperties;
import ca.gigafibre.automation.platform.error.MalformedRequestException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/webhooks/stripe}: Stripe's events, accepted only with a valid {@code Stripe-Signature} for the secret
 * {@code automation.adapters.stripe.webhook-secret} (stripe-java checks it and the timestamp tolerance). A bad or
 * missing signature is a 400 and nothing is written.
 */
@RestController
public class StripeWebhookController {

    private static final Logger log = LoggerFactory.getLogger(StripeWebhookController.class);

    private final AdapterEndpoints endpoints;
    private final StripeWebhookEvents events;

    public StripeWebhookController(AdapterEndpoints endpoints, StripeWebhookEvents events) {
        this.endpoints = endpoints;
        this.events = events;
    }

    @PostMapping("/api/webhooks/stripe")
    @Operation(summary = "Stripe webhook (signature checked): payment_intent.succeeded / payment_failed, charge.refunded (by amount), charge.dispute.created / closed")
    public Map<String, Object> receive(@RequestBody String payload,
                                       @RequestHeader(value = "Stripe-Signature", required = false) String signature) {
        String secret = endpoints.endpoint("stripe").map(AdapterProperties.Endpoint::webhookSecret).filter(s -> !s.isBlank()).orElse(null);
        if (secret == null) {
            log.error("A Stripe webhook arrived but automation.adapters.stripe.webhook-secret is not set: refused");
            throw new MalformedRequestException("Stripe-Signature", "webhooks are not configured on this engine");
        }
        if (signature == null || signature.isBlank()) {
            throw new MalformedRequestException("Stripe-Signature", "is required");
        }
        Event event;
        try {
            event = Webhook.constructEvent(payload, signature, secret);
        } catch (SignatureVerificationException e) {
            log.warn("Stripe webhook refused: {}", e.getMessage());
            throw new MalformedRequestException("Stripe-Signature", "does not match the payload (or is too old)");
        }
        return Map.of("id", event.getId(), "type", event.getType(), "handled", events.handle(event.getId(), event.getType(), payload));
    }
}
