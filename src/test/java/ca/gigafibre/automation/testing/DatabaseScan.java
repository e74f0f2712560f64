package ca.gigafibre.automation.testing;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Looks for a clear-text secret in every table of every schema (domain, Camunda runtime and history, Quartz). */
@Component
public class DatabaseScan {

    private final JdbcClient jdbc;

    public DatabaseScan(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The tables where a row, as text, holds the secret in clear or as the hex of its bytes (bytea). */
    public List<String> tablesContaining(String secret) {
        String hex = HexFormat.of().formatHex(secret.getBytes(StandardCharsets.UTF_8));
        List<String> tables = jdbc.sql("""
                SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables
                WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
                """).query(String.class).list();
        return tables.stream().filter(table -> jdbc.sql("SELECT exists(SELECT 1 FROM " + table
                        + " t WHERE t::text LIKE :clear OR t::text LIKE :hex)")
                .param("clear", "%" + secret + "%").param("hex", "%" + hex + "%").query(Boolean.class).single()).toList();
    }
}
