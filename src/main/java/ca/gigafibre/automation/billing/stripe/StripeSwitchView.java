package ca.gigafibre.automation.billing.stripe;

import java.time.OffsetDateTime;

/**
 * A switch of auto-pay to a Stripe card ({@code POST /api/customers/{id}/ppa/stripe-switch}): {@code status}
 * {@code requested} (Stripe not reached yet), {@code link-scheduled} (the link goes out when the notification window
 * opens), {@code link-sent}, {@code completed} (card saved, PPA on Stripe), {@code expired} (PPA left as it was).
 * {@code language} is the link's ({@code fr}/{@code en}); {@code alreadyWaiting} is true when the request found a switch already waiting for the customer (nothing new sent).
 */
public record StripeSwitchView(String id, String customerId, String status, String stripeCustomerId, String checkoutSessionId,
                               String setupIntentId, OffsetDateTime requestedAt, String requestedBy, OffsetDateTime expiresAt,
                               OffsetDateTime linkSentAt, OffsetDateTime closedAt, String closeReason, Long paymentMethodId,
                               String language, boolean alreadyWaiting) {
}
