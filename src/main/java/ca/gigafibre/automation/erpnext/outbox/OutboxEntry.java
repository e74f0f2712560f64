package ca.gigafibre.automation.erpnext.outbox;

import java.time.OffsetDateTime;

/**
 * One document on its way to ERPNext. {@code engineId} is its {@code custom_engine_id} there; {@code action} is
 * {@code create}, {@code status} for a subscription's status posted to its existing document, or {@code update} for a
 * location or device posted whole to its document.
 */
public record OutboxEntry(long id, String doctype, String action, String engineId, String customerId, String status, int attempts,
                          OffsetDateTime nextAttemptAt, String lastError, String erpName, OffsetDateTime createdAt, OffsetDateTime sentAt) {

    public boolean isCreate() {
        return "create".equals(action);
    }

    /** Master data posted whole to its document ({@link ErpOutbox#UPDATE}), created there when ERPNext lacks it. */
    public boolean isUpdate() {
        return ErpOutbox.UPDATE.equals(action);
    }
}
