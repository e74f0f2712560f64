package ca.gigafibre.automation.bench.live;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * A nightly calendar job of the running engine (network reconciliation, 911 audit) run now: its Quartz trigger's next
 * fire time is brought forward in the engine's database (the engine has no endpoint to run them), the engine's own
 * scheduler fires it within its idle wait (≤ 30 s), and the duration is the one the job recorded in its run table.
 */
final class NightlyJob {

    private final PostgresAnchor postgres;

    NightlyJob(PostgresAnchor postgres) {
        this.postgres = postgres;
    }

    /** Fires the job now and answers the seconds its run took (finished_at − started_at of its new run row) and the row. */
    double runNow(String jobName, String runTable) throws Exception {
        long before = lastRun(runTable);
        try (Connection c = postgres.connect(); PreparedStatement fire = c.prepareStatement(
                "UPDATE automation.qrtz_triggers SET next_fire_time = ? WHERE job_name = ? AND job_group = 'automation'")) {
            fire.setLong(1, System.currentTimeMillis() + 1_000);
            fire.setString(2, jobName);
            if (fire.executeUpdate() != 1) {
                throw new IllegalStateException("no Quartz trigger for " + jobName);
            }
        }
        Awaitility.await(jobName + " run finished").atMost(Duration.ofMinutes(10)).pollInterval(500, TimeUnit.MILLISECONDS)
                .until(() -> finishedSeconds(runTable, before) >= 0);
        return finishedSeconds(runTable, before);
    }

    private long lastRun(String runTable) throws Exception {
        try (Connection c = postgres.connect(); PreparedStatement q = c.prepareStatement("SELECT coalesce(max(id), 0) FROM automation." + runTable);
             ResultSet r = q.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private double finishedSeconds(String runTable, long after) throws Exception {
        try (Connection c = postgres.connect(); PreparedStatement q = c.prepareStatement(
                "SELECT started_at, finished_at FROM automation." + runTable + " WHERE id > ? AND finished_at IS NOT NULL ORDER BY id LIMIT 1")) {
            q.setLong(1, after);
            try (ResultSet r = q.executeQuery()) {
                if (!r.next()) {
                    return -1;
                }
                Timestamp started = r.getTimestamp(1);
                Timestamp finished = r.getTimestamp(2);
                return (finished.getTime() - started.getTime()) / 1000.0;
            }
        }
    }
}
