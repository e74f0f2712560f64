package ca.gigafibre.automation.legacy;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code INSERT ... ON CONFLICT (legacy id) DO UPDATE ... WHERE legacy_hash IS DISTINCT FROM EXCLUDED.legacy_hash},
 * sent as one JDBC batch. Columns listed as insert-only (a line's state, a 911 address's provider status) keep what the
 * engine has made of them since.
 */
final class Upsert {

    private final String sql;
    private final int width;

    private Upsert(String sql, int width) {
        this.sql = sql;
        this.width = width;
    }

    /**
     * @param columns     the columns written, the legacy id column and {@code legacy_hash} last
     * @param insertOnly  columns set on insert and never updated
     * @param expressions a column's value expression when it is not a plain {@code ?} (e.g. {@code CAST(? AS inet)})
     */
    static Upsert into(String table, String legacyColumn, List<String> columns, List<String> insertOnly, Map<String, String> expressions) {
        List<String> all = new ArrayList<>(columns);
        all.add(legacyColumn);
        all.add("legacy_hash");
        List<String> values = all.stream().map(c -> expressions.getOrDefault(c, "?")).toList();
        List<String> updates = new ArrayList<>();
        for (String column : all) {
            if (!insertOnly.contains(column) && !column.equals(legacyColumn)) {
                updates.add(column + " = EXCLUDED." + column);
            }
        }
        String sql = "INSERT INTO automation." + table + " AS t (" + String.join(", ", all) + ") VALUES (" + String.join(", ", values)
                + ") ON CONFLICT (" + legacyColumn + ") DO UPDATE SET " + String.join(", ", updates)
                + " WHERE t.legacy_hash IS DISTINCT FROM EXCLUDED.legacy_hash";
        return new Upsert(sql, (int) String.join(",", values).chars().filter(c -> c == '?').count());
    }

    void run(JdbcTemplate jdbc, List<Object[]> rows) {
        batch(jdbc, sql, width, rows);
    }

    /** Runs {@code sql} once per row of parameters, in one JDBC batch. */
    static void batch(JdbcTemplate jdbc, String sql, int width, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(sql, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                Object[] row = rows.get(i);
                if (row.length != width) {
                    throw new IllegalArgumentException("expected " + width + " values, got " + row.length);
                }
                for (int p = 0; p < row.length; p++) {
                    set(ps, p + 1, row[p]);
                }
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
    }

    private static void set(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.NULL);
        } else if (value instanceof byte[] bytes) {
            ps.setBytes(index, bytes);
        } else if (value instanceof String text) {
            ps.setString(index, text);
        } else if (value instanceof Boolean b) {
            ps.setBoolean(index, b);
        } else {
            ps.setObject(index, value);
        }
    }
}
