package ca.gigafibre.automation.erpnext.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * One sync at a time across nodes (the job, the API, the command line): a PostgreSQL session advisory lock held on a
 * connection of its own for the whole run; a node that dies closes its connection and so frees the lock.
 */
final class SyncLock implements AutoCloseable {

    private static final long KEY = 0x45525053594e43L;   // "ERPSYNC"

    private final Connection connection;

    private SyncLock(Connection connection) {
        this.connection = connection;
    }

    static Optional<SyncLock> tryAcquire(DataSource dataSource) {
        try {
            Connection connection = dataSource.getConnection();
            try (PreparedStatement ps = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                connection.setAutoCommit(true);
                ps.setLong(1, KEY);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        return Optional.of(new SyncLock(connection));
                    }
                }
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
            connection.close();
            return Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the ERPNext sync lock: " + e.getMessage(), e);
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
