package ca.gigafibre.automation.erpnext.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.testing.IntegrationTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A shadow run computed on a node's own thread holds a lease while the node holds it; a node that dies stops renewing it,
 * and once it lapsed the run reads as failed with why, instead of {@code running} for ever.
 */
class LocalRunLeasesTest extends IntegrationTest {

    @Autowired
    LocalRunLeases leases;

    @Autowired
    ShadowRuns runs;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRunWhoseNodeStoppedReadsAsFailedOnceItsLeaseLapsed() {
        long run = running("now() - interval '1 second'");

        assertThat(runs.find(run).orElseThrow()).satisfies(view -> {
            assertThat(view.status()).isEqualTo("failed");
            assertThat(view.error()).isEqualTo(LocalRunLeases.NODE_STOPPED);
            assertThat(view.finishedAt()).isNotNull();
        });
    }

    @Test
    void aRunWhoseLeaseIsAliveOrThatRunsAsTheClusteredJobStaysRunning() {
        long leased = running("now() + interval '1 minute'");
        long clustered = running("NULL");

        assertThat(runs.find(leased).orElseThrow().status()).isEqualTo("running");
        assertThat(runs.find(clustered).orElseThrow().status()).isEqualTo("running");
    }

    @Test
    void theNodeHoldingARunRenewsItsLeaseAndLetsItGoWhenTheRunEnds() {
        long run = running("NULL");

        leases.take(run);
        OffsetDateTime taken = lease(run);
        jdbc.sql("UPDATE automation.shadow_run SET local_lease_until = now() - interval '1 second' WHERE id = :id").param("id", run).update();
        leases.renew();
        OffsetDateTime renewed = lease(run);
        leases.release(run);

        assertThat(taken).isAfter(OffsetDateTime.now().plus(LocalRunLeases.LEASE).minus(Duration.ofSeconds(30)));
        assertThat(renewed).isAfter(OffsetDateTime.now());
        assertThat(lease(run)).isNull();
        assertThat(runs.find(run).orElseThrow().status()).isEqualTo("running");
    }

    private long running(String lease) {
        return jdbc.sql("INSERT INTO automation.shadow_run (period, local_lease_until) VALUES ('1999-01', " + lease + ") RETURNING id")
                .query(Long.class).single();
    }

    private OffsetDateTime lease(long run) {
        return jdbc.sql("SELECT local_lease_until FROM automation.shadow_run WHERE id = :id").param("id", run)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).list().get(0);
    }
}
