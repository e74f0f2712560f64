package ca.gigafibre.automation.erpnext.sync;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.adapter.fake.FakeExternalSystems;
import ca.gigafibre.automation.erpnext.ErpNextSettings;
import ca.gigafibre.automation.testing.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code --sync-erpnext}: the command's code path, its progress lines, its counts and its exit codes. */
class ErpNextSyncCommandTest extends IntegrationTest {

    @Autowired
    FakeExternalSystems fakes;

    @Autowired
    ErpNextSyncRunner runner;

    @Autowired
    SyncRuns runs;

    @Autowired
    DataSource dataSource;

    @Autowired
    ErpNextSyncs configured;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void freshErpNext() {
        fakes.reset();
        jdbc.sql("DELETE FROM automation.erpnext_sync_watermark").update();
    }

    @Test
    void syncsWithAProgressLinePerDoctypeAndExitsZero() {
        ErpMasterData erp = new ErpMasterData(fakes.erpNext()).enterAll();
        ErpNextSyncs enabled = new ErpNextSyncs(new ErpNextSettings(true, null, null, null, 0, null, null), runner, runs, dataSource);

        int code = ErpNextSyncCommand.sync(enabled, print(out), print(err));

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).isZero();
        assertThat(printed).contains("\rCustomer                   2 read").contains("\rService Subscription       3 read")
                .containsPattern("ERPNext sync \\d+: completed")
                .containsPattern("Customer +read +2 +created +2 +updated +0 +unchanged +0 +rejected +0")
                .containsPattern("Dispatch Technician +read +1 +created +1");
        assertThat(jdbc.sql("SELECT count(*) FROM automation.customer WHERE customer_no IN (?, ?)").params(erp.person, erp.company)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aFailedSyncExitsOneAndARefusedOneTwo() {
        ErpNextSyncs enabled = new ErpNextSyncs(new ErpNextSettings(true, null, null, null, 0, null, null), runner, runs, dataSource);
        new ErpMasterData(fakes.erpNext()).enterAll();
        fakes.erpNext().down(true);
        assertThat(ErpNextSyncCommand.sync(enabled, print(out), print(err))).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("ERPNext sync \\d+: failed — ExternalSystemUnavailable: erpnext");
        fakes.erpNext().down(false);

        // the test engine runs with ERPNext off
        assertThat(ErpNextSyncCommand.sync(configured, print(out), print(err))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Sync refused: ERPNext is not enabled");
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
