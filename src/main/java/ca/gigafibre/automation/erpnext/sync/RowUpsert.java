package ca.gigafibre.automation.erpnext.sync;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One row keyed by an ERPNext name: {@code INSERT … ON CONFLICT (key) DO UPDATE … WHERE the row would change}, so a
 * document that changed nothing writes nothing, and the database (not a read before the write) says which of the three
 * happened.
 */
final class RowUpsert {

    enum Outcome { CREATED, UPDATED, UNCHANGED }

    private final String table;
    private final String key;
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, String> valueExpressions = new LinkedHashMap<>();
    private final Map<String, String> updateExpressions = new LinkedHashMap<>();
    private final List<String> insertOnly = new ArrayList<>();

    private RowUpsert(String table, String key, Object keyValue) {
        this.table = table;
        this.key = key;
        values.put(key, keyValue);
    }

    /** A row of {@code automation.<table>} whose unique {@code keyColumn} holds the ERPNext name. */
    static RowUpsert into(String table, String keyColumn, String name) {
        return new RowUpsert(table, keyColumn, name);
    }

    RowUpsert set(String column, Object value) {
        values.put(column, value);
        return this;
    }

    /** A value that needs SQL around its parameter, e.g. {@code CAST(? AS jsonb)}. */
    RowUpsert set(String column, Object value, String expression) {
        values.put(column, value);
        valueExpressions.put(column, expression);
        return this;
    }

    /** How an existing row takes the new value ({@code t.} = the row, {@code EXCLUDED.} = the document's). */
    RowUpsert onUpdate(String column, String expression) {
        updateExpressions.put(column, expression);
        return this;
    }

    /** Written when the row is created and left as the engine made it afterwards. */
    RowUpsert insertOnly(String column) {
        insertOnly.add(column);
        return this;
    }

    Outcome run(JdbcClient jdbc) {
        List<String> columns = new ArrayList<>(values.keySet());
        List<String> placeholders = columns.stream().map(c -> valueExpressions.getOrDefault(c, "?")).toList();
        List<String> updated = columns.stream().filter(c -> !c.equals(key) && !insertOnly.contains(c)).toList();
        List<String> newValues = updated.stream().map(c -> updateExpressions.getOrDefault(c, "EXCLUDED." + c)).toList();
        String sql = "INSERT INTO automation." + table + " AS t (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", placeholders) + ") ON CONFLICT (" + key + ") DO UPDATE SET "
                + String.join(", ", updated.stream().map(c -> c + " = " + newValues.get(updated.indexOf(c))).toList())
                + " WHERE (" + String.join(", ", updated.stream().map(c -> "t." + c).toList()) + ", NULL) IS DISTINCT FROM ("
                + String.join(", ", newValues) + ", NULL) RETURNING (xmax = 0)";
        Optional<Boolean> created = jdbc.sql(sql).params(new ArrayList<>(values.values())).query(Boolean.class).optional();
        return created.map(c -> c ? Outcome.CREATED : Outcome.UPDATED).orElse(Outcome.UNCHANGED);
    }
}
