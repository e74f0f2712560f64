package ca.gigafibre.automation.bench.live;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * The ERPNext outbox while a billing run's documents are posted: watched from the run's start every 250 ms in the engine's
 * database, it is empty at the last instant it was seen holding a pending entry (the relay posts while the run's jobs run).
 */
final class OutboxDrain implements AutoCloseable {

    /** Seconds from the watch's start to an empty outbox; entries queued since the start, sent and failed. */
    record Drained(double seconds, long queued, long sent, long failed) {
    }

    private static final long POLL_MILLIS = 250;

    private final PostgresAnchor postgres;
    private final long started = System.nanoTime();
    private final long lastIdBefore;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
    private volatile long lastPendingSeen = started;

    private OutboxDrain(PostgresAnchor postgres) throws Exception {
        this.postgres = postgres;
        this.lastIdBefore = single("SELECT coalesce(max(id), 0) FROM automation.erp_outbox");
        poller.scheduleWithFixedDelay(this::look, 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Starts watching; call just before the billing run. */
    static OutboxDrain watch(PostgresAnchor postgres) throws Exception {
        return new OutboxDrain(postgres);
    }

    /** Waits (after the run's quiescence) until nothing is pending, and answers when that was first true. */
    Drained awaitEmpty() throws Exception {
        Awaitility.await("ERPNext outbox empty").atMost(Duration.ofMinutes(30)).pollInterval(POLL_MILLIS, TimeUnit.MILLISECONDS)
                .until(() -> pending() == 0);
        look();
        poller.shutdownNow();
        String since = " FROM automation.erp_outbox WHERE id > " + lastIdBefore;
        return new Drained((lastPendingSeen - started) / 1e9 + POLL_MILLIS / 1000.0, single("SELECT count(*)" + since),
                single("SELECT count(*)" + since + " AND status = 'sent'"), single("SELECT count(*)" + since + " AND status = 'failed'"));
    }

    private void look() {
        try {
            if (pending() > 0) {
                lastPendingSeen = System.nanoTime();
            }
        } catch (Exception e) {
            // a poll missed (the engine's database busy): the next one tells
        }
    }

    private long pending() throws Exception {
        return single("SELECT count(*) FROM automation.erp_outbox WHERE status = 'pending'");
    }

    private long single(String sql) throws Exception {
        try (Connection c = postgres.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
