package ca.gigafibre.automation.erpnext.sync;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Rows synced from ERPNext keep ERPNext's names (C-12345, LOC-00042 …), which are the very ids the engine's own formula
 * (V50's {@code business_no()}) makes from a row id. After a sync the identity sequence is moved past the highest synced
 * number the formula could produce, so a row the engine creates later never gets a name already taken.
 */
@Component
class BusinessNumbers {

    private final JdbcClient jdbc;

    BusinessNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void customers() {
        // C-<id + 10000>
        moveSequence("customer", "customer_no", "C-", 10000);
    }

    void locations() {
        moveSequence("service_location", "location_no", "LOC-", 0);
    }

    void subscriptions() {
        moveSequence("subscription", "subscription_no", "SUB-", 0);
    }

    void equipment() {
        moveSequence("equipment", "equipment_no", "EQP-", 0);
    }

    private void moveSequence(String table, String column, String prefix, long offset) {
        jdbc.sql("""
                SELECT setval(pg_get_serial_sequence('automation.%1$s', 'id'), highest)
                FROM (SELECT max(substring(%2$s FROM %3$d)::bigint) - %4$d AS highest FROM automation.%1$s
                      WHERE %2$s ~ '^%5$s[0-9]{1,15}$') h
                WHERE highest > (SELECT coalesce(max(id), 0) FROM automation.%1$s)
                  AND highest > (SELECT last_value FROM %6$s)
                """.formatted(table, column, prefix.length() + 1, offset, prefix, sequence(table)))
                .query().rowSet();
    }

    private String sequence(String table) {
        return jdbc.sql("SELECT pg_get_serial_sequence('automation.' || ?, 'id')").param(table).query(String.class).single();
    }
}
