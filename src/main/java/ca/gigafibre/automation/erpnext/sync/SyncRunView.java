package ca.gigafibre.automation.erpnext.sync;

import ca.gigafibre.automation.erpnext.sync.DoctypeSync.SyncReject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** A sync run as {@code GET /api/admin/erpnext/syncs/{id}} shows it: counts per doctype in sync order, then every reject. */
public record SyncRunView(long id, String status, String startedBy, OffsetDateTime startedAt, OffsetDateTime finishedAt, String error,
                          Map<String, Counts> doctypes, List<SyncReject> rejects) {

    /** What one doctype's documents did: read = created + updated + unchanged + rejected. */
    public record Counts(int read, int created, int updated, int unchanged, int rejected) {
    }
}
