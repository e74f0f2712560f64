package ca.gigafibre.automation.sales;

import ca.gigafibre.automation.platform.audit.AuditLog;
import ca.gigafibre.automation.platform.error.ConflictException;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts a quote's {@code sales-activation} (business key = quote id) exactly once — the quote row's
 * {@code activation_started_at} is set by the one statement that may start it — and records a signature (DocuSeal,
 * by phone, or outside the engine) before telling the process with {@code QuoteSigned}.
 */
@Service
public class SalesActivations {

    public static final String PROCESS = "sales-activation";
    public static final String QUOTE_SIGNED = "QuoteSigned";
    private static final Logger log = LoggerFactory.getLogger(SalesActivations.class);

    private final JdbcClient jdbc;
    private final RuntimeService runtime;
    private final Quotes quotes;
    private final SalesSettings settings;
    private final AuditLog audit;

    public SalesActivations(JdbcClient jdbc, RuntimeService runtime, Quotes quotes, SalesSettings settings, AuditLog audit) {
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.quotes = quotes;
        this.settings = settings;
        this.audit = audit;
    }

    /** A new quote: reviewed, sent for signature, waits for it until it expires. */
    void startForNewQuote(QuoteView quote) {
        start(quote, false);
    }

    /**
     * The customer signed (or accepted by phone): recorded on the quote, then the process told. Signing twice is
     * harmless; an expired, cancelled or already activated quote cannot be signed.
     */
    @Transactional
    public QuoteView signed(String quoteNo, String via, String who, String note) {
        long id = quotes.idOf(quoteNo);
        String status = lockStatus(id);
        if (java.util.List.of("signed", "accepted", "activating", "active").contains(status)) {
            log.info("Quote {} already {}: signature by {} ignored", quoteNo, status, via);
            return quotes.get(id);
        }
        if (!java.util.List.of("draft", "sent").contains(status)) {
            throw new ConflictException("Quote " + quoteNo + " is " + status + " and can no longer be signed");
        }
        record(id, via, who, note);
        QuoteView quote = quotes.get(id);
        if (!start(quote, true)) {
            tell(quoteNo, via);
        }
        audit.record("quote.signed", "quote", quoteNo, note, Map.of("via", via, "by", who == null ? "" : who));
        return quotes.get(id);
    }

    /** "Convert quote SOQ-908 to active subscriptions": a quote signed outside the engine (legacy) goes straight to activation. */
    @Transactional
    public QuoteView convert(String quoteNo, String who) {
        long id = quotes.idOf(quoteNo);
        String status = lockStatus(id);
        if (!java.util.List.of("draft", "sent", "signed", "accepted").contains(status)) {
            throw new ConflictException("Quote " + quoteNo + " is " + status + ": only a draft, sent, signed or accepted quote can be converted");
        }
        if (java.util.List.of("draft", "sent").contains(status)) {
            record(id, "outside", who, "converted: signed outside the engine");
        }
        QuoteView quote = quotes.get(id);
        if (!start(quote, true)) {
            tell(quoteNo, "outside");
        }
        audit.record("quote.converted", "quote", quoteNo, null, Map.of("by", who == null ? "" : who));
        return quotes.get(id);
    }

    /** @return false when the quote's process already runs */
    private boolean start(QuoteView quote, boolean signedOutside) {
        int claimed = jdbc.sql("UPDATE automation.quote SET activation_started_at = now() WHERE quote_no = :no AND activation_started_at IS NULL")
                .param("no", quote.id()).update();
        if (claimed == 0) {
            return false;
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("quoteId", quote.id());
        variables.put("customerId", quote.customerId());
        variables.put("signedOutside", signedOutside);
        variables.put("salesRep", jdbc.sql("SELECT sales_rep FROM automation.quote WHERE quote_no = :no").param("no", quote.id())
                .query(String.class).optional().orElse(null));
        java.time.LocalDate expiresOn = quote.expiresOn() == null ? quote.date().plusDays(settings.quoteValidDays()) : quote.expiresOn();
        variables.put("quoteExpiresAt", settings.expiryOf(expiresOn));
        // what the sales tasks show (their names, forms and the Tasklist filter): text, never a serialized object
        variables.put("quoteExpiresOn", expiresOn.toString());
        variables.put("quoteTotal", quote.total() == null ? null : quote.total().toPlainString());
        runtime.startProcessInstanceByKey(PROCESS, quote.id(), variables);
        return true;
    }

    /**
     * Correlated by the quote id: {@code sales-activation} and the stages it calls share that business key, but only
     * {@code sales-signature} subscribes to {@code QuoteSigned}, so the message reaches the one instance waiting for it.
     */
    private void tell(String quoteNo, String via) {
        try {
            runtime.createMessageCorrelation(QUOTE_SIGNED).processInstanceBusinessKey(quoteNo).setVariable("signedVia", via).correlate();
        } catch (MismatchingMessageCorrelationException notWaiting) {
            // between two steps (e.g. the signature request is being sent): that step reads the quote's status and goes on
            log.info("Quote {} signed while its process was not waiting for the signature; the process reads it at its next step", quoteNo);
        }
    }

    private String lockStatus(long quoteId) {
        return jdbc.sql("SELECT status FROM automation.quote WHERE id = :id FOR UPDATE").param("id", quoteId).query(String.class).single();
    }

    private void record(long quoteId, String via, String who, String note) {
        jdbc.sql("""
                UPDATE automation.quote SET status = 'signed', signed_at = now(), signed_via = :via, signed_by = :who, acceptance_note = :note
                WHERE id = :id
                """).param("via", via).param("who", who).param("note", note).param("id", quoteId).update();
    }
}
