package ca.gigafibre.automation.demo;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.adapter.e911.E911Client;
import ca.gigafibre.automation.adapter.fake.FakeExternalSystems;
import ca.gigafibre.automation.adapter.olt.OltClient;
import ca.gigafibre.automation.adapter.pbx.PbxClient;
import ca.gigafibre.automation.testing.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A demo-data replace leaves the fake OLT, PBX and 911 provider holding the new data only. The expected orphan count is
 * the generator's own ({@link SyntheticTelephony#orphanRegistrations}: the legacy 224 at scale 1.0, scaled and rounded as
 * the generator does), checked against what the load wrote, so the test does not depend on a number copied here. Small
 * scales keep it fast; the stale registrations the bug left (the first load's lines and orphans) are there at any scale.
 */
class DemoReplaceFakesTest extends IntegrationTest {

    private static final long SEED = 20261123;

    @Autowired
    DemoDataGenerator generator;

    @Autowired
    FakeExternalSystems fakes;

    @Autowired
    E911Client e911;

    @Autowired
    PbxClient pbx;

    @Autowired
    OltClient olt;

    @Test
    void theOrphanReportGivesTheSeedsCountOnAFreshLoadAndAfterEachReplace() {
        fakes.reset();   // a fresh start: the fakes hold nothing yet
        generator.generate(0.02, SEED, true);
        assertOrphanReportIsTheSeeds(0.02);
        List<String> smallDids = dids();

        generator.generate(0.05, SEED, true);   // growing, as from the demo's 0.1 to 1.0

        assertOrphanReportIsTheSeeds(0.05);
        assertGoneFromTheProviderAndThePbx(smallDids);
        List<String> largeDids = dids();
        List<String> largeSerials = jdbc.sql("SELECT serial FROM automation.equipment WHERE kind = 'ont' AND status = 'installed'")
                .query(String.class).list();

        generator.generate(0.02, SEED, true);   // and shrinking: the ONTs the smaller load does not have leave the OLT

        assertOrphanReportIsTheSeeds(0.02);
        assertGoneFromTheProviderAndThePbx(largeDids);
        List<String> goneSerials = largeSerials.stream().filter(serial -> !jdbc.sql(
                "SELECT exists(SELECT 1 FROM automation.equipment WHERE serial = :serial AND status = 'installed')")
                .param("serial", serial).query(Boolean.class).single()).toList();
        assertThat(goneSerials).isNotEmpty();
        assertThat(goneSerials).allSatisfy(serial -> assertThat(olt.find(serial)).as("ONT %s", serial).isEmpty());
    }

    private List<String> dids() {
        return jdbc.sql("SELECT did FROM automation.e911_address").query(String.class).list();
    }

    /** The DIDs of an earlier load that the current one does not have: no registration, no PBX line left. */
    private void assertGoneFromTheProviderAndThePbx(List<String> earlier) {
        List<String> gone = earlier.stream().filter(did -> !jdbc.sql("SELECT exists(SELECT 1 FROM automation.e911_address WHERE did = :did)")
                .param("did", did).query(Boolean.class).single()).toList();
        assertThat(gone).isNotEmpty();
        assertThat(gone).allSatisfy(did -> {
            assertThat(e911.find(did)).as("911 registration of %s", did).isEmpty();
            assertThat(pbx.find(did)).as("PBX line %s", did).isEmpty();
        });
    }

    private void assertOrphanReportIsTheSeeds(double scale) {
        int expected = SyntheticTelephony.orphanRegistrations(scale);
        assertThat(expected).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM automation.e911_address a WHERE NOT EXISTS "
                + "(SELECT 1 FROM automation.voip_line l WHERE l.did = a.did AND l.state <> 'cancelled')").query(Long.class).single())
                .as("orphans the load wrote").isEqualTo(expected);
        JsonNode orphans = as("ops").getForObject("/api/reports/e911-orphans", JsonNode.class);
        assertThat(orphans).hasSize(expected);
        assertThat(orphans.findValuesAsText("source")).containsOnly("both");   // none the provider alone still holds
        assertThat(e911.listAll()).hasSize((int) count("e911_address"));
    }
}
