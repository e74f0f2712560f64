package ca.gigafibre.automation.erpnext.shadow;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The lease of a shadow run this node computes on its own thread (queued or running): renewed every
 * {@link #RENEWAL} while the node holds the run, so when the node dies it lapses within {@link #LEASE} and the run reads
 * as failed ({@link #expireIfLapsed}) instead of {@code running} for ever. Quartz recovers the clustered runs itself.
 */
@Component
class LocalRunLeases implements DisposableBean {

    static final Duration LEASE = Duration.ofMinutes(2);
    static final Duration RENEWAL = Duration.ofSeconds(30);
    static final String NODE_STOPPED = "Le nœud qui calculait ce passage s'est arrêté ; relancez-le / "
            + "The node computing this run stopped; ask for it again";

    private static final Logger log = LoggerFactory.getLogger(LocalRunLeases.class);

    private final JdbcClient jdbc;
    private final Set<Long> held = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "shadow-run-lease");
        thread.setDaemon(true);
        return thread;
    });

    LocalRunLeases(JdbcClient jdbc) {
        this.jdbc = jdbc;
        renewer.scheduleWithFixedDelay(this::renew, RENEWAL.toSeconds(), RENEWAL.toSeconds(), TimeUnit.SECONDS);
    }

    void take(long runId) {
        held.add(runId);
        lease(List.of(runId));
    }

    void release(long runId) {
        held.remove(runId);
        jdbc.sql("UPDATE automation.shadow_run SET local_lease_until = NULL WHERE id = :id").param("id", runId).update();
    }

    /** Moves the lease of every run this node holds {@link #LEASE} ahead. */
    void renew() {
        if (held.isEmpty()) {
            return;
        }
        try {
            lease(List.copyOf(held));
        } catch (RuntimeException e) {
            log.warn("Could not renew the lease of shadow runs {}: {}", held, e.toString());
        }
    }

    /** A run still {@code running} whose lease lapsed: its node stopped, so it failed. */
    void expireIfLapsed(long runId) {
        if (jdbc.sql("""
                UPDATE automation.shadow_run SET status = 'failed', finished_at = now(), error = :error, local_lease_until = NULL
                WHERE id = :id AND status = 'running' AND local_lease_until < now()
                """).param("error", NODE_STOPPED).param("id", runId).update() > 0) {
            log.warn("Shadow run #{}: the node computing it on its own thread stopped (its lease lapsed); the run failed", runId);
        }
    }

    private void lease(List<Long> runIds) {
        jdbc.sql("""
                UPDATE automation.shadow_run SET local_lease_until = now() + make_interval(secs => :seconds)
                WHERE id IN (:ids) AND status = 'running'
                """).param("seconds", LEASE.toSeconds()).param("ids", runIds).update();
    }

    @Override
    public void destroy() {
        renewer.shutdownNow();
    }
}
