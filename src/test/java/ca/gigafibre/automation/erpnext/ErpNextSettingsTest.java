package ca.gigafibre.automation.erpnext;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.testing.BoundSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code automation.erpnext.*}, now with {@code reconciliation-cron} (read by the nightly reconciliation's trigger): the
 * defaults kept, and like the record's other keys a missing or empty cron falls back to its default.
 */
class ErpNextSettingsTest {

    @Test
    void theDefaultsAreTheOnesTheKeysHadBefore() {
        ErpNextSettings settings = BoundSettings.defaults("automation.erpnext", ErpNextSettings.class);
        assertThat(settings.enabled()).isFalse();
        assertThat(settings.syncInterval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(settings.outboxInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.driftDays()).isEqualTo(3);
        assertThat(settings.reconciliationCron()).isEqualTo("0 30 3 * * ?");
        assertThat(settings.defaultPriceList()).isEqualTo("Standard Selling");
    }

    @Test
    void theConfiguredCronIsTheReconciliationsAndAnEmptyOneFallsBack() {
        assertThat(BoundSettings.bind("automation.erpnext", ErpNextSettings.class,
                Map.of("automation.erpnext.reconciliation-cron", "0 45 3 * * ?")).reconciliationCron()).isEqualTo("0 45 3 * * ?");
        assertThat(BoundSettings.bind("automation.erpnext", ErpNextSettings.class,
                Map.of("automation.erpnext.reconciliation-cron", "")).reconciliationCron()).isEqualTo("0 30 3 * * ?");
    }
}
