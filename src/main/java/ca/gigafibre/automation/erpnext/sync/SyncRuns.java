package ca.gigafibre.automation.erpnext.sync;

import ca.gigafibre.automation.erpnext.sync.DoctypeSync.PageResult;
import ca.gigafibre.automation.erpnext.sync.DoctypeSync.SyncReject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The sync's tables: runs, their counts per doctype and rejects, and the watermark of each doctype. */
@Component
class SyncRuns {

    private final JdbcClient jdbc;

    SyncRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long create(String actor, List<String> doctypes) {
        long id = jdbc.sql("INSERT INTO automation.erpnext_sync_run (started_by) VALUES (?) RETURNING id").param(actor).query(Long.class).single();
        for (int i = 0; i < doctypes.size(); i++) {
            jdbc.sql("INSERT INTO automation.erpnext_sync_count (run_id, doctype, position) VALUES (?, ?, ?)")
                    .params(id, doctypes.get(i), i).update();
        }
        return id;
    }

    /** Runs left 'running' by a node that died: only called while holding the sync lock, so none of them runs. */
    void failAbandoned() {
        jdbc.sql("UPDATE automation.erpnext_sync_run SET status = 'failed', finished_at = now(), error = 'its node stopped during the run' "
                + "WHERE status = 'running'").update();
    }

    void pageDone(long runId, String doctype, int read, PageResult result) {
        jdbc.sql("""
                UPDATE automation.erpnext_sync_count SET read = read + ?, created = created + ?, updated = updated + ?,
                       unchanged = unchanged + ?, rejected = rejected + ? WHERE run_id = ? AND doctype = ?
                """).params(read, result.created(), result.updated(), result.unchanged(), result.rejects().size(), runId, doctype).update();
        for (SyncReject reject : result.rejects()) {
            jdbc.sql("INSERT INTO automation.erpnext_sync_reject (run_id, doctype, name, field, reason) VALUES (?, ?, ?, ?, ?)")
                    .params(runId, reject.doctype(), reject.name(), reject.field(), reject.reason()).update();
        }
    }

    void complete(long runId) {
        jdbc.sql("UPDATE automation.erpnext_sync_run SET status = 'completed', finished_at = now() WHERE id = ?").param(runId).update();
    }

    void fail(long runId, String error) {
        jdbc.sql("UPDATE automation.erpnext_sync_run SET status = 'failed', finished_at = now(), error = ? WHERE id = ?")
                .params(error, runId).update();
    }

    Optional<Watermark> watermark(String doctype) {
        return jdbc.sql("SELECT modified, seen FROM automation.erpnext_sync_watermark WHERE doctype = ?").param(doctype)
                .query((rs, n) -> new Watermark(rs.getString(1), rs.getInt(2))).optional();
    }

    void saveWatermark(String doctype, Watermark watermark) {
        jdbc.sql("""
                INSERT INTO automation.erpnext_sync_watermark (doctype, modified, seen) VALUES (?, ?, ?)
                ON CONFLICT (doctype) DO UPDATE SET modified = EXCLUDED.modified, seen = EXCLUDED.seen, updated_at = now()
                """).params(doctype, watermark.modified(), watermark.seen()).update();
    }

    Optional<SyncRunView> view(long id) {
        return jdbc.sql("SELECT id, status, started_by, started_at, finished_at, error FROM automation.erpnext_sync_run WHERE id = ?")
                .param(id).query((rs, n) -> new SyncRunView(rs.getLong("id"), rs.getString("status"), rs.getString("started_by"),
                        rs.getObject("started_at", java.time.OffsetDateTime.class), rs.getObject("finished_at", java.time.OffsetDateTime.class),
                        rs.getString("error"), counts(id), rejects(id)))
                .optional();
    }

    private Map<String, SyncRunView.Counts> counts(long id) {
        Map<String, SyncRunView.Counts> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT doctype, read, created, updated, unchanged, rejected FROM automation.erpnext_sync_count WHERE run_id = ? ORDER BY position")
                .param(id).query(rs -> {
                    counts.put(rs.getString(1), new SyncRunView.Counts(rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6)));
                });
        return counts;
    }

    private List<SyncReject> rejects(long id) {
        return new ArrayList<>(jdbc.sql("SELECT doctype, name, field, reason FROM automation.erpnext_sync_reject WHERE run_id = ? ORDER BY id")
                .param(id).query((rs, n) -> new SyncReject(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list());
    }
}
