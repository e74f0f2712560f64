package ca.gigafibre.automation.legacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * One import at a time, across engine nodes: a PostgreSQL session advisory lock held on a connection of its own for the
 * whole run. A crashed import's connection closes and frees the lock, so the next import may resume its work.
 */
final class ImportLock implements AutoCloseable {

    private static final long KEY = 0x4c45474143590bL;   // "LEGACY" + 11

    private final Connection connection;

    private ImportLock(Connection connection) {
        this.connection = connection;
    }

    static Optional<ImportLock> tryAcquire(DataSource dataSource) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            try (PreparedStatement ps = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                ps.setLong(1, KEY);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return Optional.of(new ImportLock(connection));
                    }
                }
            }
            connection.close();
            return Optional.empty();
        } catch (SQLException e) {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // the lock was not taken
                }
            }
            throw new IllegalStateException("Could not take the import lock: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try (connection; PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            ps.setLong(1, KEY);
            ps.execute();
        } catch (SQLException ignored) {
            // closing the connection frees the lock anyway
        }
    }
}
