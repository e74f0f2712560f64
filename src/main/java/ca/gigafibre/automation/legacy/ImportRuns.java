package ca.gigafibre.automation.legacy;

import ca.gigafibre.automation.platform.time.BusinessTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The import runs, their per-table counts and checkpoints, and their rejects ({@code automation.legacy_import_*}). */
@Repository
public class ImportRuns {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public ImportRuns(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    record TableState(String status, long checkpoint, int read) {
    }

    long create(String source, String user, boolean dryRun, List<String> tables, String actor) {
        long id = jdbc.sql("""
                INSERT INTO automation.legacy_import_run (source, source_user, dry_run, tables, status, requested_by)
                VALUES (:source, :user, :dry, CAST(:tables AS text[]), 'running', :actor) RETURNING id
                """)
                .param("source", source).param("user", user).param("dry", dryRun).param("tables", "{" + String.join(",", tables) + "}")
                .param("actor", actor).query(Long.class).single();
        for (int i = 0; i < tables.size(); i++) {
            jdbc.sql("INSERT INTO automation.legacy_import_table (run_id, legacy_table, position) VALUES (:run, :table, :position)")
                    .param("run", id).param("table", tables.get(i)).param("position", i).update();
        }
        return id;
    }

    /** The last import from this source that stopped before its end (never a dry run): the one to resume. */
    Optional<Long> resumable(String source, String user, List<String> tables) {
        return jdbc.sql("""
                SELECT id FROM automation.legacy_import_run
                WHERE status IN ('running', 'failed') AND NOT dry_run AND source = :source AND source_user = :user
                  AND tables = CAST(:tables AS text[])
                ORDER BY id DESC LIMIT 1
                """)
                .param("source", source).param("user", user).param("tables", "{" + String.join(",", tables) + "}")
                .query(Long.class).optional();
    }

    /**
     * With the lock held, a run still marked running is a run that died. A real import abandons every stopped run it does
     * not resume; a dry run abandons only stopped dry runs (a stopped real import stays resumable).
     */
    void abandonStopped(Long except, boolean dryRunsOnly) {
        jdbc.sql("""
                UPDATE automation.legacy_import_run SET status = 'abandoned', finished_at = now(),
                    error = coalesce(error, 'stopped before its end and not resumed')
                WHERE status IN ('running', 'failed') AND id <> :except AND (dry_run OR NOT :dryRunsOnly)
                """).param("except", except == null ? -1 : except).param("dryRunsOnly", dryRunsOnly).update();
    }

    void resume(long id) {
        jdbc.sql("UPDATE automation.legacy_import_run SET status = 'running', finished_at = NULL, error = NULL WHERE id = :id")
                .param("id", id).update();
    }

    TableState table(long runId, String table) {
        return jdbc.sql("SELECT status, checkpoint, read FROM automation.legacy_import_table WHERE run_id = :run AND legacy_table = :table")
                .param("run", runId).param("table", table)
                .query((rs, n) -> new TableState(rs.getString(1), rs.getLong(2), rs.getInt(3))).single();
    }

    void tableStatus(long runId, String table, String status, Long sourceRows, String message) {
        jdbc.sql("""
                UPDATE automation.legacy_import_table SET status = :status, source_rows = coalesce(:rows, source_rows), message = :message
                WHERE run_id = :run AND legacy_table = :table
                """)
                .param("status", status).param("rows", sourceRows).param("message", message).param("run", runId).param("table", table)
                .update();
    }

    /** In the batch's transaction: its counts and the table's new checkpoint. */
    void addBatch(long runId, String table, BatchCounts counts, long checkpoint, long millis) {
        template.update("""
                UPDATE automation.legacy_import_table SET read = read + ?, imported = imported + ?, unchanged = unchanged + ?,
                    rejected = rejected + ?, repaired = repaired + ?, orphans = orphans + ?, millis = millis + ?, checkpoint = ?
                WHERE run_id = ? AND legacy_table = ?
                """, counts.read(), counts.imported(), counts.unchanged(), counts.rejected(), counts.repaired(), counts.orphans(), millis,
                checkpoint, runId, table);
    }

    void rejects(long runId, List<RejectRow> rejects) {
        if (rejects.isEmpty()) {
            return;
        }
        template.batchUpdate("INSERT INTO automation.legacy_import_reject (run_id, legacy_table, legacy_id, field, reason) VALUES (?, ?, ?, ?, ?)",
                rejects.stream().map(r -> new Object[] {runId, r.table(), r.legacyId(), r.field(), r.reason()}).toList());
    }

    void finish(long id) {
        jdbc.sql("UPDATE automation.legacy_import_run SET status = 'finished', finished_at = now() WHERE id = :id").param("id", id).update();
    }

    void fail(long id, String error) {
        jdbc.sql("UPDATE automation.legacy_import_run SET status = 'failed', finished_at = now(), error = :error WHERE id = :id")
                .param("id", id).param("error", error).update();
    }

    /**
     * The run row is read first: a run is marked finished only after its tables, so a report that says finished has
     * every table's final counts.
     */
    public Optional<ImportReport> report(long id) {
        Optional<ImportReport> run = jdbc.sql("""
                SELECT id, status, dry_run, source, source_user, started_at, finished_at, error FROM automation.legacy_import_run WHERE id = :id
                """).param("id", id)
                .query((rs, n) -> new ImportReport(rs.getLong("id"), rs.getString("status"), rs.getBoolean("dry_run"), rs.getString("source"),
                        rs.getString("source_user"), BusinessTime.read(rs, "started_at"), BusinessTime.read(rs, "finished_at"),
                        rs.getString("error"), new LinkedHashMap<>(), new java.util.ArrayList<>()))
                .optional();
        run.ifPresent(report -> {
            jdbc.sql("""
                    SELECT legacy_table, status, source_rows, read, imported, unchanged, rejected, repaired, orphans, millis, message
                    FROM automation.legacy_import_table WHERE run_id = :id ORDER BY position
                    """).param("id", id).query(rs -> {
                        String table = rs.getString(1);
                        report.tables().put(table, new TableReport(rs.getString(2), (Long) rs.getObject(3), rs.getInt(4), rs.getInt(5),
                                rs.getInt(6), rs.getInt(7), rs.getInt(8), "phone_addr".equals(table) ? rs.getInt(9) : null, rs.getLong(10),
                                rs.getString(11)));
                    });
            report.rejects().addAll(jdbc.sql("""
                    SELECT legacy_table, legacy_id, field, reason FROM automation.legacy_import_reject WHERE run_id = :id ORDER BY id
                    """).param("id", id)
                    .query((rs, n) -> new RejectRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list());
        });
        return run;
    }
}
