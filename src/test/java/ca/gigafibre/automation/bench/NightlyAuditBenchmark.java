package ca.gigafibre.automation.bench;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.adapter.fake.FakeExternalSystems;
import ca.gigafibre.automation.demo.DemoDataGenerator;
import ca.gigafibre.automation.demo.DemoDataReport;
import ca.gigafibre.automation.demo.FakeSystemsSync;
import ca.gigafibre.automation.provisioning.NetworkReconciliation;
import ca.gigafibre.automation.testing.IntegrationTest;
import ca.gigafibre.automation.voip.E911NightlyAudit;
import ca.gigafibre.automation.voip.E911Reports;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Figures, not assertions on time: {@code mvn -Pbench verify}. Scale 1.0 (15,303 customers, 790 lines, 1,014 911
 * addresses); the provider listing is served by the fake, paged by 500. Targets: report queries ≤ 5 s, full
 * nightly 911 audit ≤ 30 s. Each figure is the best of three warm runs.
 */
@Tag("bench")
class NightlyAuditBenchmark extends IntegrationTest {

    @Autowired
    DemoDataGenerator generator;

    @Autowired
    FakeExternalSystems fakes;

    @Autowired
    FakeSystemsSync sync;

    @Autowired
    E911Reports reports;

    @Autowired
    E911NightlyAudit audit;

    @Autowired
    NetworkReconciliation reconciliation;

    @Test
    void scaleOneLoadReportsAndNightlyJobs() {
        DemoDataReport load = generator.generate(1.0, 20261123, true);
        fakes.reset();
        sync.syncAll();
        System.out.printf("%nBENCH synthetic data, scale 1.0: %,d rows in %.1f s%n",
                load.rows().values().stream().mapToLong(Long::longValue).sum(), load.millis() / 1000.0);

        assertThat(measure("DID report (790 lines)", reports::didReport)).hasSize(790);
        measure("911 audit report", reports::audit);
        assertThat(measure("911 orphan report incl. paged provider listing", reports::orphans)).hasSize(224);
        assertThat(measure("full nightly 911 audit (stored, review task)", audit::run).lines()).isEqualTo(790);
        NetworkReconciliation.Result network = measure("network reconciliation (installed ONTs + lines)", reconciliation::run);
        assertThat(network.drifts()).isEmpty();
        System.out.printf("BENCH network reconciliation checked %,d ONTs and lines per run%n", network.checked());
    }

    private static <T> T measure(String what, Supplier<T> work) {
        long best = Long.MAX_VALUE;
        T result = null;
        for (int run = 0; run < 3; run++) {
            long started = System.nanoTime();
            result = work.get();
            best = Math.min(best, System.nanoTime() - started);
        }
        System.out.printf("BENCH %-55s best of 3: %8.1f ms (%s)%n", what, best / 1e6,
                result instanceof List<?> list ? list.size() + " rows" : "done");
        return result;
    }
}
