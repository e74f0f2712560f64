package ca.gigafibre.automation.erpnext.sync;

import ca.gigafibre.automation.adapter.erpnext.ErpNextClient;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One sync run: every {@link DoctypeSync} bean in {@code order()}, each read from its watermark, page by page, each page
 * mapped, counted and its watermark moved in one transaction. A failure (ERPNext down …) fails the run and keeps what
 * committed; the next run goes on from there.
 */
@Component
class ErpNextSyncRunner {

    private static final Logger log = LoggerFactory.getLogger(ErpNextSyncRunner.class);
    private static final String ORDER = "modified asc, name asc";

    private final List<DoctypeSync> syncs;
    private final ErpNextClient erpNext;
    private final SyncRuns runs;
    private final TransactionTemplate transaction;

    ErpNextSyncRunner(List<DoctypeSync> syncs, ErpNextClient erpNext, SyncRuns runs, PlatformTransactionManager transactions) {
        this.syncs = syncs.stream().sorted(Comparator.comparingInt(DoctypeSync::order)).toList();
        this.erpNext = erpNext;
        this.runs = runs;
        this.transaction = new TransactionTemplate(transactions);
    }

    List<String> doctypes() {
        return syncs.stream().map(DoctypeSync::doctype).toList();
    }

    /** Runs every doctype; the run row says how it ended. */
    void run(long runId, SyncProgress progress) {
        try {
            for (DoctypeSync sync : syncs) {
                progress.doctypeStarted(sync.doctype());
                syncDoctype(runId, sync, progress);
                progress.doctypeFinished(sync.doctype(), runs.view(runId).orElseThrow().doctypes().get(sync.doctype()));
            }
            runs.complete(runId);
            log.info("ERPNext sync {} completed", runId);
        } catch (RuntimeException e) {
            String error = e.getClass().getSimpleName() + ": " + (e.getMessage() == null ? "" : e.getMessage());
            log.warn("ERPNext sync {} failed: {}", runId, error);
            runs.fail(runId, error);
        }
    }

    private void syncDoctype(long runId, DoctypeSync sync, SyncProgress progress) {
        Watermark mark = runs.watermark(sync.doctype()).orElse(null);
        int read = 0;
        List<ObjectNode> page;
        do {
            List<ErpNextClient.Filter> filters = new ArrayList<>(sync.filters());
            if (mark != null) {
                filters.add(ErpNextClient.Filter.modifiedAfter(mark.justBefore()));
            }
            page = erpNext.page(sync.doctype(), sync.fields(), filters, ORDER, mark == null ? 0 : mark.seen(), ErpNextClient.PAGE_SIZE);
            if (page.isEmpty()) {
                break;
            }
            List<ObjectNode> documents = page;
            String last = documents.get(documents.size() - 1).path("modified").asText();
            int atLast = (int) documents.stream().filter(d -> last.equals(d.path("modified").asText())).count();
            Watermark next = mark == null ? new Watermark(last, atLast) : mark.after(last, atLast, documents.size());
            transaction.executeWithoutResult(status -> {
                DoctypeSync.PageResult result = sync.apply(documents);
                runs.pageDone(runId, sync.doctype(), documents.size(), result);
                runs.saveWatermark(sync.doctype(), next);
            });
            mark = next;
            read += documents.size();
            progress.pageDone(sync.doctype(), read);
        } while (page.size() == ErpNextClient.PAGE_SIZE);
    }
}
