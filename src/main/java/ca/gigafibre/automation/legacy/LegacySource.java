package ca.gigafibre.automation.legacy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The legacy MariaDB, read-only: one connection (read-only session, no LOCAL INFILE), tables read by {@code id} in
 * batches so an import can resume after the last id it committed.
 */
public final class LegacySource implements AutoCloseable {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final Pattern FORBIDDEN_OPTIONS = Pattern.compile("(?i)[?&;(]\\s*(user|password|allowLocalInfile|allowLoadLocalInfile)\\s*=");

    private final Connection connection;

    private LegacySource(Connection connection) {
        this.connection = connection;
    }

    /** Connects, or says why not in words an admin can act on (the password never appears). */
    public static LegacySource open(String jdbcUrl, String user, String password) throws LegacySourceException {
        checkUrl(jdbcUrl);
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null && !password.isEmpty()) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", "5000");
        properties.setProperty("socketTimeout", "600000");
        properties.setProperty("allowLocalInfile", "false");
        try {
            Connection connection = DriverManager.getConnection(jdbcUrl, properties);
            connection.setReadOnly(true);
            return new LegacySource(connection);
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            if (state.startsWith("28") || e.getErrorCode() == 1045) {
                throw new LegacySourceException("password", "the legacy database refused this user and password");
            }
            if (e.getErrorCode() == 1049 || e.getErrorCode() == 1044) {
                throw new LegacySourceException("jdbcUrl", "the legacy database named in the URL does not exist or is not readable by this user");
            }
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (password != null && !password.isEmpty()) {
                message = message.replace(password, "***");
            }
            throw new LegacySourceException("jdbcUrl", "cannot connect to the legacy database: " + message);
        } catch (RuntimeException e) {
            throw new LegacySourceException("jdbcUrl", "not a usable MariaDB JDBC URL (" + e.getClass().getSimpleName() + ")");
        }
    }

    static void checkUrl(String jdbcUrl) throws LegacySourceException {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:mariadb://") || jdbcUrl.length() <= "jdbc:mariadb://".length()) {
            throw new LegacySourceException("jdbcUrl", "must be a MariaDB JDBC URL such as jdbc:mariadb://10.100.80.100:3306/legacy");
        }
        if (FORBIDDEN_OPTIONS.matcher(jdbcUrl).find()) {
            throw new LegacySourceException("jdbcUrl",
                    "must not carry user, password or LOCAL INFILE options: give user and password in their own fields");
        }
    }

    public boolean hasTable(String table) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    /** The columns of {@code required} (and {@code id}) the table does not have. */
    public Set<String> missingColumns(String table, Collection<String> required) throws SQLException {
        Set<String> missing = new TreeSet<>(required);
        missing.add("id");
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT LOWER(column_name) FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    missing.remove(rs.getString(1));
                }
            }
        }
        return missing;
    }

    public long count(String table) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT COUNT(*) FROM `" + name(table) + "`");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Up to {@code limit} rows with an id above {@code afterId}, by id. */
    public List<LegacyRow> batch(String table, long afterId, int limit, Collection<String> binaryColumns) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT * FROM `" + name(table) + "` WHERE id > ? ORDER BY id LIMIT ?")) {
            ps.setLong(1, afterId);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                int width = meta.getColumnCount();
                String[] names = new String[width];
                for (int i = 0; i < width; i++) {
                    names[i] = meta.getColumnLabel(i + 1).toLowerCase(Locale.ROOT);
                }
                List<LegacyRow> rows = new ArrayList<>(limit);
                while (rs.next()) {
                    Map<String, Object> values = new HashMap<>(width * 2);
                    for (int i = 0; i < width; i++) {
                        values.put(names[i], binaryColumns.contains(names[i]) ? rs.getBytes(i + 1) : rs.getObject(i + 1));
                    }
                    rows.add(new LegacyRow(rs.getLong("id"), values));
                }
                return rows;
            }
        }
    }

    /** Runs a read-only query over the whole table (small projections a mapping needs up front). */
    public void scan(String sql, RowHandler handler) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                handler.row(rs);
            }
        }
    }

    @FunctionalInterface
    public interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing left to do with a connection that will not close
        }
    }

    private static String name(String table) {
        if (!NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        return table;
    }

    /** The source cannot be used; {@code field} is the request field to fix. */
    public static class LegacySourceException extends Exception {
        private final String field;

        public LegacySourceException(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
