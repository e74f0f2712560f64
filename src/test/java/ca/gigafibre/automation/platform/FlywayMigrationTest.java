package ca.gigafibre.automation.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The migrations build the whole schema on an empty PostgreSQL, and a second run has nothing to do. */
class FlywayMigrationTest {

    @Test
    void migratesAnEmptyDatabase() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start()) {
            Flyway flyway = Flyway.configure().dataSource(pg.getPostgresDatabase()).schemas("automation")
                    .defaultSchema("automation").createSchemas(true).locations("classpath:db/migration").load();

            MigrateResult first = flyway.migrate();
            MigrateResult second = flyway.migrate();

            assertThat(first.success).isTrue();
            assertThat(first.migrationsExecuted).isGreaterThanOrEqualTo(3);
            assertThat(second.migrationsExecuted).isZero();
            List<String> tables = JdbcClient.create(pg.getPostgresDatabase())
                    .sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'automation'")
                    .query(String.class).list();
            assertThat(tables).contains("customer", "contact", "service_location", "plan", "subscription", "invoice",
                    "invoice_line", "payment", "payment_allocation", "payment_method", "account_ppa_settings",
                    "payment_arrangement", "suspension", "equipment", "ip_assignment", "voip_line", "e911_address",
                    "ata_config", "quote", "quote_line", "ticket", "dispatch_job", "work_order", "work_order_technician",
                    "work_order_part", "decision_log", "audit_log", "qrtz_job_details", "qrtz_triggers", "qrtz_locks",
                    "account_payment_profile");
        }
    }
}
