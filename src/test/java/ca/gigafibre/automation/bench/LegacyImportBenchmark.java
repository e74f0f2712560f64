package ca.gigafibre.automation.bench;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.legacy.ImportReport;
import ca.gigafibre.automation.legacy.ImportRequest;
import ca.gigafibre.automation.legacy.LegacyImportProgress;
import ca.gigafibre.automation.legacy.LegacyImports;
import ca.gigafibre.automation.legacy.LegacyMariaDb;
import ca.gigafibre.automation.legacy.LegacyVolumeDatabase;
import ca.gigafibre.automation.legacy.TableReport;
import ca.gigafibre.automation.testing.IntegrationTest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Figures, not assertions on time: {@code mvn -Pbench verify}. A generated legacy MariaDB at the seed's volumes
 * (about 110k rows in 13 tables) imported into the engine, then imported again with nothing changed. Target: under
 * 2 minutes on 2 cores. A dry run goes first (nothing in the engine yet, so every row is judged against what
 * earlier tables would have imported). Prints rows/s per table (wall time from the table's first read to its last commit).
 */
@Tag("bench")
class LegacyImportBenchmark extends IntegrationTest {

    @Autowired
    LegacyImports imports;

    @Test
    void seedVolumesDryRunImportAndANoChangeRerun() throws Exception {
        LegacyMariaDb.Server maria = LegacyMariaDb.start();
        long generating = System.nanoTime();
        String url = LegacyVolumeDatabase.create(maria, "legacy_bench", 20261123);
        System.out.printf("%nBENCH legacy MariaDB generated at the seed volumes in %.1f s%n", (System.nanoTime() - generating) / 1e9);

        Map<String, Long> dryTimes = new LinkedHashMap<>();
        long dry = System.nanoTime();
        ImportReport dryRun = imports.report(imports.runInForeground(new ImportRequest(url, "reader", "reader-pw", true, null), "bench",
                timing(dryTimes)).id()).orElseThrow();
        print("dry run first (nothing written)", dryRun, dryTimes, (System.nanoTime() - dry) / 1e9);
        assertThat(dryRun.rejects()).isEmpty();

        Map<String, Long> firstTimes = new LinkedHashMap<>();
        long first = System.nanoTime();
        ImportReport report = imports.report(imports.runInForeground(new ImportRequest(url, "reader", "reader-pw", false, null), "bench",
                timing(firstTimes)).id()).orElseThrow();
        double firstSeconds = (System.nanoTime() - first) / 1e9;
        assertThat(report.status()).isEqualTo("finished");
        print("first import", report, firstTimes, firstSeconds);
        LegacyVolumeDatabase.volumes().forEach((table, rows) -> assertThat(report.tables().get(table).read()).as(table).isEqualTo(rows));
        assertThat(report.tables().get("phone_addr").orphans()).isEqualTo(224);

        Map<String, Long> againTimes = new LinkedHashMap<>();
        long again = System.nanoTime();
        ImportReport rerun = imports.report(imports.runInForeground(new ImportRequest(url, "reader", "reader-pw", false, null), "bench",
                timing(againTimes)).id()).orElseThrow();
        double againSeconds = (System.nanoTime() - again) / 1e9;
        print("no-change re-run", rerun, againTimes, againSeconds);
        rerun.tables().forEach((table, t) -> assertThat(t.imported()).as(table).isZero());
    }

    private static LegacyImportProgress timing(Map<String, Long> millis) {
        return new LegacyImportProgress() {
            private long started;

            @Override
            public void tableStarted(String table, long sourceRows, long alreadyRead) {
                started = System.nanoTime();
            }

            @Override
            public void tableFinished(String table, TableReport report) {
                millis.put(table, (System.nanoTime() - started) / 1_000_000);
            }
        };
    }

    private static void print(String what, ImportReport report, Map<String, Long> millis, double seconds) {
        long rows = report.tables().values().stream().mapToLong(TableReport::read).sum();
        System.out.printf("BENCH legacy import, %s: %,d rows in %.1f s (%,.0f rows/s), %d rejects%n", what, rows, seconds, rows / seconds,
                report.rejects().size());
        report.tables().forEach((table, t) -> {
            long ms = Math.max(1, millis.getOrDefault(table, 0L));
            System.out.printf("BENCH   %-20s %,7d rows %,7d ms %,9.0f rows/s  imported %,7d unchanged %,7d rejected %,5d repaired %,6d%n", table,
                    t.read(), ms, t.read() * 1000.0 / ms, t.imported(), t.unchanged(), t.rejected(), t.repaired());
        });
    }
}
