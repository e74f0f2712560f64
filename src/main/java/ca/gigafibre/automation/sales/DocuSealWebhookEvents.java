package ca.gigafibre.automation.sales;

import ca.gigafibre.automation.platform.error.MalformedRequestException;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a verified DocuSeal delivery means: a completed signature signs the quote named by {@code external_id}; other
 * events are acknowledged and ignored. Each delivery is handled once (DocuSeal retries): the event is keyed by type,
 * submission and timestamp in {@code webhook_event}.
 */
@Service
public class DocuSealWebhookEvents {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DocuSealWebhookEvents.class);

    private final JdbcClient jdbc;
    private final Quotes quotes;
    private final SalesActivations activations;

    public DocuSealWebhookEvents(JdbcClient jdbc, Quotes quotes, SalesActivations activations) {
        this.jdbc = jdbc;
        this.quotes = quotes;
        this.activations = activations;
    }

    /** @return "signed", "ignored", "duplicate" or why it came too late */
    @Transactional
    public String handle(JsonNode event) {
        String type = event.path("event_type").asText("");
        JsonNode data = event.path("data");
        boolean completed = ("form.completed".equals(type) && "completed".equals(data.path("submission").path("status").asText()))
                || ("submission.completed".equals(type));
        if (!completed) {
            return "ignored";
        }
        String quoteNo = data.path("external_id").asText(data.path("submitters").path(0).path("external_id").asText(""));
        if (quoteNo.isBlank()) {
            throw new MalformedRequestException("data.external_id", "is required: the quote id the submission was made for");
        }
        long quoteId = quotes.idOf(quoteNo);   // unknown quote → 404, nothing recorded
        String submission = data.path("submission").path("id").asText(data.path("id").asText(""));
        String eventId = type + ":" + submission + ":" + event.path("timestamp").asText("");
        int first = jdbc.sql("INSERT INTO automation.webhook_event (provider, event_id, type) VALUES ('docuseal', :id, :type) ON CONFLICT DO NOTHING")
                .param("id", eventId).param("type", type).update();
        if (first == 0) {
            return "duplicate";
        }
        String status = jdbc.sql("SELECT status FROM automation.quote WHERE id = :id").param("id", quoteId).query(String.class).single();
        if (java.util.List.of("expired", "cancelled").contains(status)) {
            // acknowledged (DocuSeal would retry a refusal forever); the sales rep makes a new quote
            log.warn("Quote {} was signed on DocuSeal but is {}: signature not applied", quoteNo, status);
            return "too late: quote " + status;
        }
        String signer = data.path("email").asText(data.path("submitters").path(0).path("email").asText(null));
        activations.signed(quoteNo, "docuseal", signer, "DocuSeal submission " + submission);
        return "signed";
    }
}
