package ca.gigafibre.automation.platform.secret;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Row ids taken from a table's identity before its insert, so a secret can be encrypted bound to the row it goes into
 * (the insert then names the id). A taken id that is not used leaves a gap, nothing more.
 */
public final class RowIds {

    private RowIds() {
    }

    /** @param table a table of the {@code automation} schema with an identity column {@code id} */
    public static long next(JdbcClient jdbc, String table) {
        return jdbc.sql("SELECT nextval(pg_get_serial_sequence('automation." + table + "', 'id'))").query(Long.class).single();
    }
}
