package ca.gigafibre.automation.legacy;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The import of one legacy table: which columns it needs, how a row maps to ours (or is rejected), and how the mapped
 * rows are written (upserts keyed by the legacy id that change a row only when its fingerprint changed).
 */
public abstract class TableImport<T extends LegacyTarget> {

    /** The legacy table's name; imports run in {@link #order()}. */
    public abstract String legacyTable();

    public abstract int order();

    /** Columns the table must have (besides {@code id}); others are read when present. */
    public abstract List<String> requiredColumns();

    /** Columns read as raw bytes (PHP-serialised data, whose lengths count bytes). */
    public List<String> binaryColumns() {
        return List.of();
    }

    /** Before the first batch: load what the mapping needs from the source. */
    public void prepare(ImportContext context, LegacySource source) {
    }

    /** The mapped row, or {@link LegacyValueRejected} naming the field at fault. */
    public abstract T map(LegacyRow row, ImportContext context, Repairs repairs);

    /** Our table that holds the legacy id and the fingerprint, and the column of the legacy id. */
    public abstract String targetTable();

    public abstract String legacyColumn();

    /** The key as stored in {@link #legacyColumn()}: the legacy id, or a text key when {@link #textKey()}. */
    public Object legacyKey(long legacyId) {
        return legacyId;
    }

    public boolean textKey() {
        return false;
    }

    /** Writes new and changed rows (a real import only). */
    public abstract void write(JdbcTemplate jdbc, List<T> rows);

    /** A row that is (or, in a dry run, would be) in the engine after this batch: later tables may refer to it. */
    public void remember(ImportContext context, T row) {
    }

    /** True when the row is worth a flag in the report (a 911 address without a line). */
    public boolean orphan(ImportContext context, T row) {
        return false;
    }
}
