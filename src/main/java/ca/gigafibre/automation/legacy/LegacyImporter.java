package ca.gigafibre.automation.legacy;

import ca.gigafibre.automation.platform.secret.FingerprintKeys;
import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one import: table after table in dependency order, each read by legacy id in batches. A batch's rows, its
 * rejects, its counts and the table's checkpoint commit together, so a crash loses at most the batch in flight and the
 * next run resumes after the checkpoint with exact counts. A row the database refuses is rejected alone (savepoints);
 * a dry run maps and compares but writes no domain row.
 */
@Component
public class LegacyImporter {

    private static final Logger log = LoggerFactory.getLogger(LegacyImporter.class);

    private final List<TableImport<?>> imports;
    private final ImportRuns runs;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transactions;
    private final FingerprintKeys fingerprintKeys;
    private volatile int batchSize;
    private volatile Consumer<String> beforeBatchCommit = table -> { };

    public LegacyImporter(List<TableImport<?>> imports, ImportRuns runs, JdbcClient jdbc, JdbcTemplate template,
                          PlatformTransactionManager transactionManager, FingerprintKeys fingerprintKeys, LegacyImportSettings settings) {
        this.imports = imports.stream().sorted(Comparator.comparingInt(TableImport::order)).toList();
        this.runs = runs;
        this.jdbc = jdbc;
        this.template = template;
        this.transactions = new TransactionTemplate(transactionManager);
        this.fingerprintKeys = fingerprintKeys;
        this.batchSize = settings.batchSize();
    }

    /** The legacy tables this importer knows, in import order. */
    public List<String> tables() {
        return imports.stream().map(TableImport::legacyTable).toList();
    }

    /** Tests: smaller batches, so a small fixture spans several. */
    void batchSize(int rows) {
        this.batchSize = rows;
    }

    /** Tests: runs inside each batch's transaction just before it commits (a throw there is a crash mid-table). */
    void beforeBatchCommit(Consumer<String> hook) {
        this.beforeBatchCommit = hook == null ? table -> { } : hook;
    }

    void run(long runId, List<String> tables, boolean dryRun, LegacySource source, LegacyImportProgress progress) throws SQLException {
        ImportContext context = new ImportContext(dryRun, jdbc, new Fingerprints(fingerprintKeys.fingerprinter()));
        for (TableImport<?> table : imports) {
            if (tables.contains(table.legacyTable())) {
                importTable(runId, table, context, source, progress);
            }
        }
    }

    private <T extends LegacyTarget> void importTable(long runId, TableImport<T> table, ImportContext context, LegacySource source,
                                                      LegacyImportProgress progress) throws SQLException {
        String name = table.legacyTable();
        ImportRuns.TableState state = runs.table(runId, name);
        if (state.status().equals("done") || state.status().equals("missing")) {
            return;
        }
        if (!source.hasTable(name)) {
            runs.tableStatus(runId, name, "missing", null, "the source database has no table " + name + ": skipped");
            log.info("Legacy import {}: table {} is not in the source, skipped", runId, name);
            progress.tableFinished(name, runs.report(runId).orElseThrow().tables().get(name));
            return;
        }
        Set<String> missing = source.missingColumns(name, table.requiredColumns());
        if (!missing.isEmpty()) {
            runs.tableStatus(runId, name, "failed", null, "the source table lacks column(s) " + String.join(", ", missing) + ": not imported");
            progress.tableFinished(name, runs.report(runId).orElseThrow().tables().get(name));
            return;
        }
        long total = source.count(name);
        runs.tableStatus(runId, name, "running", total, null);
        context.refresh();
        table.prepare(context, source);
        long checkpoint = state.checkpoint();
        long read = state.read();
        progress.tableStarted(name, total, read);
        while (true) {
            List<LegacyRow> rows = source.batch(name, checkpoint, batchSize, table.binaryColumns());
            if (rows.isEmpty()) {
                break;
            }
            long started = System.nanoTime();
            long last = rows.get(rows.size() - 1).id();
            batch(runId, table, rows, context, last, started);
            checkpoint = last;
            read += rows.size();
            progress.batchDone(name, read, total);
        }
        runs.tableStatus(runId, name, "done", null, null);
        TableReport report = runs.report(runId).orElseThrow().tables().get(name);
        log.info("Legacy import {}: {} read {}, imported {}, unchanged {}, rejected {}, repaired {}", runId, name, report.read(),
                report.imported(), report.unchanged(), report.rejected(), report.repaired());
        progress.tableFinished(name, report);
    }

    private <T extends LegacyTarget> void batch(long runId, TableImport<T> table, List<LegacyRow> rows, ImportContext context, long last,
                                                long started) {
        String name = table.legacyTable();
        List<T> mapped = new ArrayList<>(rows.size());
        Set<Long> repairedIds = new HashSet<>();
        List<RejectRow> rejects = new ArrayList<>();
        for (LegacyRow row : rows) {
            Repairs repairs = new Repairs();
            if (row.id() < 1 || row.id() > Integer.MAX_VALUE) {
                rejects.add(new RejectRow(name, String.valueOf(row.id()), "id", "legacy id out of range (1 to 2147483647)"));
                continue;
            }
            try {
                mapped.add(table.map(row, context, repairs));
                if (repairs.any()) {
                    repairedIds.add(row.id());
                }
            } catch (LegacyValueRejected e) {
                rejects.add(new RejectRow(name, String.valueOf(row.id()), e.field(), e.getMessage()));
            } catch (RuntimeException e) {
                rejects.add(new RejectRow(name, String.valueOf(row.id()), null, "cannot be read (" + e.getClass().getSimpleName() + ")"));
            }
        }
        transactions.executeWithoutResult(tx -> {
            Map<Object, byte[]> existing = existingHashes(table, mapped);
            List<T> changed = new ArrayList<>();
            for (T target : mapped) {
                if (!Arrays.equals(existing.get(table.legacyKey(target.legacyId())), target.hash())) {
                    changed.add(target);
                }
            }
            int unchanged = mapped.size() - changed.size();
            Set<Long> refused = context.dryRun() ? Set.of() : write(table, changed, tx, rejects);
            List<T> kept = mapped.stream().filter(t -> !refused.contains(t.legacyId())).toList();
            kept.forEach(t -> table.remember(context, t));
            int orphans = (int) kept.stream().filter(t -> table.orphan(context, t)).count();
            int repaired = (int) kept.stream().filter(t -> repairedIds.contains(t.legacyId())).count();
            runs.rejects(runId, rejects);
            runs.addBatch(runId, name, new BatchCounts(rows.size(), changed.size() - refused.size(), unchanged, rejects.size(), repaired,
                    orphans), last, (System.nanoTime() - started) / 1_000_000);
            beforeBatchCommit.accept(name);
        });
    }

    /** Writes the batch; when the database refuses it, row by row, each refused row becoming a reject. */
    private <T extends LegacyTarget> Set<Long> write(TableImport<T> table, List<T> changed, TransactionStatus tx, List<RejectRow> rejects) {
        if (changed.isEmpty()) {
            return Set.of();
        }
        Object whole = tx.createSavepoint();
        try {
            table.write(template, changed);
            tx.releaseSavepoint(whole);
            return Set.of();
        } catch (DataAccessException batchFailure) {
            tx.rollbackToSavepoint(whole);
        }
        Set<Long> refused = new HashSet<>();
        for (T target : changed) {
            Object one = tx.createSavepoint();
            try {
                table.write(template, List.of(target));
                tx.releaseSavepoint(one);
            } catch (DataAccessException e) {
                tx.rollbackToSavepoint(one);
                refused.add(target.legacyId());
                rejects.add(DatabaseRejects.of(table.legacyTable(), target.legacyId(), e));
            }
        }
        return refused;
    }

    private <T extends LegacyTarget> Map<Object, byte[]> existingHashes(TableImport<T> table, List<T> mapped) {
        Map<Object, byte[]> existing = new HashMap<>();
        if (mapped.isEmpty()) {
            return existing;
        }
        boolean text = table.textKey();
        Object[] keys = mapped.stream().map(t -> table.legacyKey(t.legacyId())).toArray();
        template.query("SELECT " + table.legacyColumn() + ", legacy_hash FROM automation." + table.targetTable() + " WHERE "
                        + table.legacyColumn() + " = ANY(?)",
                ps -> {
                    Array array = ps.getConnection().createArrayOf(text ? "text" : "bigint", keys);
                    ps.setArray(1, array);
                },
                rs -> {
                    existing.put(text ? rs.getString(1) : (Object) rs.getLong(1), rs.getBytes(2));
                });
        return existing;
    }
}
