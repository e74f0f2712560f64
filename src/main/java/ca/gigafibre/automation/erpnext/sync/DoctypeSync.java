package ca.gigafibre.automation.erpnext.sync;

import ca.gigafibre.automation.adapter.erpnext.ErpNextClient;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One ERPNext doctype's sync: which fields and documents to read (changed since its watermark), and how one page of them
 * becomes the engine's rows. A document that cannot be mapped is a {@link SyncReject}, never an exception that stops the sync.
 */
public interface DoctypeSync {

    /** The ERPNext doctype ("Customer", "Item Price" …). */
    String doctype();

    /** Syncs run in this order (ascending) so a document's links exist first: customers before locations before subscriptions, the ledger last. */
    int order();

    /** The list fields read; child tables are read per document by {@link #apply} when it needs them. */
    List<String> fields();

    /** Filters besides {@code modified > watermark} (e.g. {@code docstatus = 1}); empty for all. */
    default List<ErpNextClient.Filter> filters() {
        return List.of();
    }

    /** Maps and writes one page of documents, in the caller's transaction. */
    PageResult apply(List<ObjectNode> page);

    /** What one page did. */
    record PageResult(int created, int updated, int unchanged, List<SyncReject> rejects) {
    }

    /** A document the engine could not take: which, which field, why. */
    record SyncReject(String doctype, String name, String field, String reason) {
    }
}
