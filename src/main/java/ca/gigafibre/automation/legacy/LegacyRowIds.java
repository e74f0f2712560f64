package ca.gigafibre.automation.legacy;

import java.sql.Array;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The row each legacy row goes into — the one already imported from it, else a new id from the table's identity — known
 * before the upsert, so the secrets written with it are bound to that row.
 */
final class LegacyRowIds {

    private LegacyRowIds() {
    }

    /** @param legacyKeys the legacy keys (Integer ids or String keys); the map is keyed by their text */
    static Map<String, Long> of(JdbcTemplate jdbc, String table, String legacyColumn, List<?> legacyKeys) {
        Map<String, Long> ids = new HashMap<>();
        if (legacyKeys.isEmpty()) {
            return ids;
        }
        String type = legacyKeys.get(0) instanceof String ? "text" : "integer";
        // COALESCE evaluates nextval only for keys without a row
        jdbc.query("SELECT k::text, coalesce((SELECT id FROM automation." + table + " WHERE " + legacyColumn + " = k), "
                        + "nextval(pg_get_serial_sequence('automation." + table + "', 'id'))) FROM unnest(?) AS k",
                ps -> {
                    Array array = ps.getConnection().createArrayOf(type, legacyKeys.toArray());
                    ps.setArray(1, array);
                },
                rs -> {
                    ids.put(rs.getString(1), rs.getLong(2));
                });
        return ids;
    }
}
