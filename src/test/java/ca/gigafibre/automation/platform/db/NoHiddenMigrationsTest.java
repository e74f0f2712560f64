package ca.gigafibre.automation.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A migration added in a gap of the version numbers (V19, below the highest applied) cannot hide: on a database that has
 * the engine's migrations, Flyway as the engine configures it refuses to migrate, and nothing of it runs.
 */
class NoHiddenMigrationsTest {

    @TempDir
    Path later;

    @Test
    void aPendingMigrationBelowTheHighestAppliedStopsTheStart() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start()) {
            assertThat(engineFlyway(pg, "classpath:db/migration").migrate().success).isTrue();
            Files.writeString(later.resolve("V19__filling_a_gap.sql"), "CREATE TABLE gap_filler (id int);");

            // out of order it would run; ignored (Flyway's default for such a migration when validation skips it) it would not
            Flyway withTheGapFilled = engineFlyway(pg, "classpath:db/migration", "filesystem:" + later);
            assertThatThrownBy(withTheGapFilled::migrate).hasMessageContaining("not applied").hasMessageContaining("19");
            assertThat(JdbcClient.create(pg.getPostgresDatabase())
                    .sql("SELECT count(*) FROM information_schema.tables WHERE table_name = 'gap_filler'").query(Long.class).single())
                    .isZero();
        }
    }

    @Test
    void theEngineOverridesPropertiesThatWouldLetItThrough() {
        FluentConfiguration configuration = Flyway.configure().outOfOrder(true).ignoreMigrationPatterns("*:ignored").validateOnMigrate(false);
        new NoHiddenMigrations().customize(configuration);
        assertThat(configuration.isOutOfOrder()).isFalse();
        assertThat(configuration.isValidateOnMigrate()).isTrue();
        assertThat(configuration.getIgnoreMigrationPatterns()).extracting(Object::toString).containsExactly("*:future");
    }

    private static Flyway engineFlyway(EmbeddedPostgres pg, String... locations) {
        FluentConfiguration configuration = Flyway.configure().dataSource(pg.getPostgresDatabase()).schemas("automation")
                .defaultSchema("automation").createSchemas(true).locations(locations);
        new NoHiddenMigrations().customize(configuration);
        return configuration.load();
    }
}
