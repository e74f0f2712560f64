package ca.gigafibre.automation.erpnext.outbox;

import ca.gigafibre.automation.adapter.ExternalRequestRejected;
import ca.gigafibre.automation.adapter.ExternalSystemUnavailable;
import ca.gigafibre.automation.adapter.erpnext.ErpNextClient;
import ca.gigafibre.automation.platform.time.BusinessTime;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Posts one outbox entry. Before creating, it asks ERPNext for the document by {@code custom_engine_id}: after a crash
 * between ERPNext's answer and the outbox's commit, the retry finds it instead of creating it twice. A link ERPNext does
 * not know (its customer, a subscription's or a device's location) is posted first, then the entry once more. An update (a
 * location's address, a device) goes to the document ERPNext holds, or creates it when it has none, and carries the later
 * updates of that document already queued (one PUT for a device assigned, installed and given an address in a row). ERPNext down: tried again
 * on the retry cycle, then failed; refused: failed at once (a person must fix the data). A failure opens an ops task.
 */
@Component
public class OutboxSender {

    /** What became of an entry. {@code WAITING}: a document it links to is not posted yet; it keeps its place. */
    public enum Outcome { SENT, WAITING, LATER, FAILED }

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final int MAX_ERROR = 1000;

    private final ErpNextClient erpNext;
    private final OutboxDocuments documents;
    private final OutboxEntries entries;
    private final ErpNames names;
    private final RetryCycle cycle;
    private final OutboxFailures failures;
    private final TransactionTemplate transaction;

    public OutboxSender(ErpNextClient erpNext, OutboxDocuments documents, OutboxEntries entries, ErpNames names, RetryCycle cycle,
                        OutboxFailures failures, TransactionTemplate transaction) {
        this.erpNext = erpNext;
        this.documents = documents;
        this.entries = entries;
        this.names = names;
        this.cycle = cycle;
        this.failures = failures;
        this.transaction = transaction;
    }

    public Outcome send(OutboxEntry entry) {
        return send(entry, true);
    }

    private Outcome send(OutboxEntry entry, boolean mayPostLinks) {
        try {
            Optional<String> fromErpNext = documents.cameFromErpNext(entry);
            if (fromErpNext.isPresent()) {
                entries.sent(entry.id(), fromErpNext.get());
                return Outcome.SENT;
            }
            List<Long> carried = entry.isUpdate() ? entries.laterUpdatesOf(entry) : List.of();
            String name = post(entry, documents.build(entry));
            transaction.executeWithoutResult(status -> {
                entries.sent(entry.id(), name);
                entries.carried(carried, name);
            });
            return Outcome.SENT;
        } catch (NotPostedYet waiting) {
            return Outcome.WAITING;
        } catch (ExternalRequestRejected refused) {
            if (mayPostLinks && linkMissing(refused)) {
                Outcome links = postLinks(entry);
                if (links == Outcome.SENT) {
                    return send(entry, false);
                }
                if (links != Outcome.FAILED) {
                    return links == Outcome.LATER ? later(entry, refused) : links;
                }
            }
            return fail(entry, refused.getMessage());
        } catch (ExternalSystemUnavailable | IllegalStateException | org.springframework.dao.DataAccessException e) {
            return later(entry, e);
        }
    }

    private String post(OutboxEntry entry, ObjectNode document) {
        if (entry.isUpdate()) {
            // a location or device ERPNext never had (made before the outbox was on, or a device the engine registered): created
            // whole; asked first by name, then by the engine's id (ERPNext may have named it itself), so a retry after a crash
            // between ERPNext's answer and the commit updates it instead
            String name = names.of(entry);
            Optional<String> held = erpNext.get(entry.doctype(), name).map(found -> name).or(() -> postedName(entry));
            if (held.isEmpty()) {
                return createOnce(entry, document);
            }
            erpNext.update(entry.doctype(), held.get(), document);
            return held.get();
        }
        if (!entry.isCreate()) {
            String name = names.subscription(entry.engineId());
            erpNext.update(entry.doctype(), name, document);
            return name;
        }
        Optional<String> posted = postedName(entry);
        return posted.isPresent() ? posted.get() : createOnce(entry, document);
    }

    /** Creates the document; one ERPNext already holds (a duplicate refused) is found by the engine's id instead. */
    private String createOnce(OutboxEntry entry, ObjectNode document) {
        try {
            return erpNext.create(entry.doctype(), document).path("name").asText();
        } catch (ExternalRequestRejected refused) {
            if (refused.status() == 409 || refused.providerMessage().startsWith("DuplicateEntryError")) {
                return postedName(entry).orElseThrow(() -> refused);
            }
            throw refused;
        }
    }

    private Optional<String> postedName(OutboxEntry entry) {
        return erpNext.findByEngineId(entry.doctype(), entry.engineId()).map(found -> found.path("name").asText());
    }

    /**
     * Posts what the entry links to and ERPNext lacks. A link ERPNext already has under the engine's id (it came from
     * ERPNext) is not posted again; when none was missing, ERPNext refused something else: {@code FAILED}.
     */
    private Outcome postLinks(OutboxEntry entry) {
        boolean posted = false;
        for (OutboxDocuments.Link link : documents.links(entry)) {
            Optional<OutboxEntry> queued = entries.createOf(link.doctype(), link.engineId());
            if (queued.map(q -> "sent".equals(q.status())).orElse(false)
                    || queued.isEmpty() && erpNext.get(link.doctype(), link.engineId()).isPresent()) {
                continue;
            }
            OutboxEntry linkEntry = queued.orElseGet(() -> entries.ensureCreate(link.doctype(), link.engineId(), entry.customerId()));
            if ("failed".equals(linkEntry.status())) {
                return Outcome.FAILED;
            }
            log.info("ERPNext lacks {} {} that {} {} links to: posting it first", link.doctype(), link.engineId(), entry.doctype(),
                    entry.engineId());
            Outcome outcome = send(linkEntry, false);
            if (outcome != Outcome.SENT) {
                return outcome;
            }
            posted = true;
        }
        return posted ? Outcome.SENT : Outcome.FAILED;
    }

    private Outcome later(OutboxEntry entry, RuntimeException e) {
        if (entry.attempts() >= cycle.retries()) {
            return fail(entry, e.getMessage());
        }
        entries.later(entry.id(), shorten(e.getMessage()), BusinessTime.now().plus(cycle.delay()));
        return Outcome.LATER;
    }

    private Outcome fail(OutboxEntry entry, String error) {
        log.warn("ERPNext outbox entry {} ({} {}) failed: {}", entry.id(), entry.doctype(), entry.engineId(), error);
        transaction.executeWithoutResult(status -> {
            if (entries.failed(entry.id(), shorten(error))) {
                failures.open(entry, shorten(error));
            }
        });
        return Outcome.FAILED;
    }

    private static boolean linkMissing(ExternalRequestRejected refused) {
        return refused.status() == 417 && refused.providerMessage().startsWith("LinkValidationError");
    }

    private static String shorten(String error) {
        String text = error == null ? "unknown error" : error;
        return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR);
    }
}
