package ca.gigafibre.automation.platform.db;

import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.stereotype.Component;

/**
 * The migration versions have gaps (V18 → V30, V45–V48, V51–V53, V56 …): a migration added later with a version below
 * the highest one applied would, out of order, run on fresh databases only, or be skipped on existing ones. Flyway is
 * held here, whatever the properties say, to refuse to start while such a migration is pending: migrations run in
 * order only, and a pending one below the highest applied fails validation ("Detected resolved migration not applied
 * to database") instead of being ignored. Give a new migration the next version above the highest.
 */
@Component
public class NoHiddenMigrations implements FlywayConfigurationCustomizer {

    @Override
    public void customize(FluentConfiguration configuration) {
        configuration.outOfOrder(false)
                .validateOnMigrate(true)
                // only migrations newer than this engine (applied by a later version) may be unknown to it
                .ignoreMigrationPatterns("*:future");
    }
}
