package ca.gigafibre.automation.billing.stripe;

import ca.gigafibre.automation.billing.charge.ChargeLedger;
import ca.gigafibre.automation.billing.reversal.PaymentReversals;
import ca.gigafibre.automation.billing.reversal.ReversalFollowUp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a verified Stripe event does, once per event id (Stripe retries deliveries): a pending debit that succeeded or
 * failed is announced to its invoice's process ({@code ChargeSettled}); a refund reverses what was refunded (Stripe
 * reports the charge's total refunded so far, in cents), a dispute what is disputed, a dispute won gives it back
 * ({@link PaymentReversals}); an event for a payment not booked yet waits for it. The account's collections rules look
 * at an account whose invoices were reopened.
 */
@Service
public class StripeWebhookEvents {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final ChargeLedger ledger;
    private final RuntimeService runtime;
    private final PaymentReversals reversals;
    private final ReversalFollowUp followUp;
    private final StripeSwitchService switches;

    public StripeWebhookEvents(JdbcClient jdbc, ObjectMapper json, ChargeLedger ledger, RuntimeService runtime, PaymentReversals reversals,
                               ReversalFollowUp followUp, StripeSwitchService switches) {
        this.switches = switches;
        this.jdbc = jdbc;
        this.json = json;
        this.ledger = ledger;
        this.runtime = runtime;
        this.reversals = reversals;
        this.followUp = followUp;
    }

    /** @return "duplicate", "ignored" or what was done */
    @Transactional
    public String handle(String eventId, String type, String payload) {
        int first = jdbc.sql("INSERT INTO automation.webhook_event (provider, event_id, type) VALUES ('stripe', :id, :type) ON CONFLICT DO NOTHING")
                .param("id", eventId).param("type", type).update();
        if (first == 0) {
            return "duplicate";
        }
        JsonNode object = read(payload).path("data").path("object");
        return switch (type) {
            case "payment_intent.succeeded" -> settle(object.path("id").asText(), "COMPLETED", null, null);
            case "payment_intent.payment_failed" -> settle(object.path("id").asText(), "RETURNED",
                    object.path("last_payment_error").path("message").asText("payment failed"),
                    object.path("last_payment_error").path("decline_code").asText(object.path("last_payment_error").path("code").asText(null)));
            case "charge.refunded" -> reverse(eventId, object, "refund", refundedSoFar(object), "refunded");
            case "charge.dispute.created" -> reverse(eventId, object, "dispute", dollars(object.path("amount").asLong()),
                    "disputed: " + object.path("reason").asText("unknown"));
            // lost: the disputed amount stays taken back; won (or an inquiry closed): what the dispute took is given back
            case "charge.dispute.closed" -> reverse(eventId, object, "lost".equals(object.path("status").asText()) ? "dispute" : "dispute-won",
                    dollars(object.path("amount").asLong()), "dispute " + object.path("status").asText("closed"));
            // a card saved on the page of a switch to Stripe (StripeSwitchService), or the page left unused
            case "setup_intent.succeeded" -> switches.setupSucceeded(object);
            case "checkout.session.expired" -> switches.abandoned(object, "Stripe page expired unused");
            case "setup_intent.canceled" -> switches.abandoned(object, "SetupIntent canceled");
            default -> "ignored";
        };
    }

    private String settle(String intentId, String settlement, String reason, String code) {
        return ledger.byProcessorRef(intentId).filter(a -> a.state().equals("pending")).map(pending -> {
            runtime.createMessageCorrelation("ChargeSettled").processInstanceBusinessKey(ledger.invoiceOf(pending.idempotencyKey()))
                    .setVariable("settlement", settlement).setVariable("returnReason", reason).setVariable("returnCode", code)
                    .correlateAllWithResult();
            return settlement.toLowerCase();
        }).orElse("ignored");
    }

    private String reverse(String eventId, JsonNode object, String kind, BigDecimal reported, String reason) {
        String intentId = object.path("payment_intent").asText("");
        if (intentId.isBlank()) {
            return "ignored";
        }
        PaymentReversals.Applied applied = reversals.record(eventId, intentId, kind, object.path("id").asText(intentId), reported, reason);
        if (applied.waiting()) {
            return "waiting for the payment of " + intentId;
        }
        if (!applied.invoicesReopened().isEmpty()) {
            followUp.follow(applied, "stripe " + reason);
            return "reversed " + String.join(", ", applied.invoicesReopened());
        }
        return applied.amount().signum() < 0 ? "restored " + applied.amount().negate() : "reversed " + applied.amount();
    }

    /** A charge's {@code amount_refunded} is the total refunded so far (a fully refunded charge without it: its amount). */
    private static BigDecimal refundedSoFar(JsonNode charge) {
        JsonNode refunded = charge.path("amount_refunded");
        return dollars(refunded.isMissingNode() && charge.path("refunded").asBoolean() ? charge.path("amount").asLong() : refunded.asLong());
    }

    /** Stripe counts in cents. */
    private static BigDecimal dollars(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    private JsonNode read(String payload) {
        try {
            return json.readTree(payload);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("Stripe event is not JSON", e);
        }
    }
}
