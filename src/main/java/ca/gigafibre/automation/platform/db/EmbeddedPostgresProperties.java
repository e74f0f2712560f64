package ca.gigafibre.automation.platform.db;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Embedded PostgreSQL for the demo run and the tests.
 *
 * @param dataDir where the cluster lives; blank means a throw-away directory wiped at start (tests)
 * @param port    0 picks a free port
 */
@ConfigurationProperties("automation.embedded-postgres")
public record EmbeddedPostgresProperties(boolean enabled, String dataDir, int port) {

    public boolean persistent() {
        return dataDir != null && !dataDir.isBlank();
    }
}
