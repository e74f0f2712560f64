package ca.gigafibre.automation.bench.live;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;

/**
 * The anchor of the data figures: plain COPY and multi-row INSERT rates into a temporary table of the engine's own
 * PostgreSQL (the run's embedded cluster), rows shaped like a ledger row (ids, text, an amount, a date, a timestamp).
 */
final class PostgresAnchor {

    private static final String TABLE = "CREATE TEMPORARY TABLE bench_rows (id bigint, customer text, amount numeric(12,2), due date, at timestamptz)";

    private final String url;

    PostgresAnchor(int port) {
        this.url = "jdbc:postgresql://localhost:" + port + "/postgres?reWriteBatchedInserts=true";
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "postgres", "postgres");
    }

    /** Rows per second of one COPY of {@code rows} rows, committed. */
    double copyRate(int rows) throws Exception {
        StringBuilder csv = new StringBuilder(rows * 48);
        for (int i = 0; i < rows; i++) {
            csv.append(i).append(",C-").append(10_000 + i % 15_000).append(',').append(i % 10_000 / 100.0).append(",2026-12-28,2026-12-07 08:00:00-05\n");
        }
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute(TABLE);
            }
            long started = System.nanoTime();
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY bench_rows FROM STDIN WITH (FORMAT csv)", new StringReader(csv.toString()));
            c.commit();
            return rows / ((System.nanoTime() - started) / 1e9);
        }
    }

    /** Rows per second of batched INSERTs (the driver rewrites them into multi-row INSERTs), one commit per 1,000 rows. */
    double insertRate(int rows) throws Exception {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute(TABLE);
            }
            long started = System.nanoTime();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO bench_rows VALUES (?, ?, ?, DATE '2026-12-28', now())")) {
                for (int i = 0; i < rows; i++) {
                    insert.setLong(1, i);
                    insert.setString(2, "C-" + (10_000 + i % 15_000));
                    insert.setBigDecimal(3, java.math.BigDecimal.valueOf(i % 10_000, 2));
                    insert.addBatch();
                    if (i % 1_000 == 999) {
                        insert.executeBatch();
                        c.commit();
                    }
                }
                insert.executeBatch();
                c.commit();
            }
            return rows / ((System.nanoTime() - started) / 1e9);
        }
    }
}
