package ca.gigafibre.automation.billing;

import ca.gigafibre.automation.collections.CollectionsCaseDecisions;
import ca.gigafibre.automation.collections.CollectionsCaseFactsLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a verified Stripe event does, once per event id (Stripe retries deliveries): a pending debit that succeeded or
 * failed is announced to its invoice's process ({@code ChargeSettled}); a refund or a dispute reverses the payment, and
 * the account's collections rules look at it again.
 */
@Service
public class StripeWebhookEvents {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final ChargeLedger ledger;
    private final RuntimeService runtime;
    private final PaymentReversals reversals;
    private final CollectionsCaseFactsLoader caseFacts;
    private final CollectionsCaseDecisions caseDecisions;

    public StripeWebhookEvents(JdbcClient jdbc, ObjectMapper json, ChargeLedger ledger, RuntimeService runtime, PaymentReversals reversals,
                               CollectionsCaseFactsLoader caseFacts, CollectionsCaseDecisions caseDecisions) {
        this.jdbc = jdbc;
        this.json = json;
        this.ledger = ledger;
        this.runtime = runtime;
        this.reversals = reversals;
        this.caseFacts = caseFacts;
        this.caseDecisions = caseDecisions;
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
            case "charge.refunded" -> reverse(object.path("payment_intent").asText(), "refunded");
            case "charge.dispute.created" -> reverse(object.path("payment_intent").asText(),
                    "disputed: " + object.path("reason").asText("unknown"));
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

    private String reverse(String intentId, String reason) {
        List<String> reopened = reversals.reverse(intentId, reason);
        if (reopened.isEmpty()) {
            return "ignored";
        }
        jdbc.sql("SELECT DISTINCT customer_id FROM automation.invoice WHERE invoice_no IN (:nos)").param("nos", reopened).query(Long.class).list()
                .forEach(customer -> caseDecisions.decideAndAct(List.of(caseFacts.one(customer)), "stripe " + reason));
        return "reversed " + String.join(", ", reopened);
    }

    private JsonNode read(String payload) {
        try {
            return json.readTree(payload);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("Stripe event is not JSON", e);
        }
    }
}
