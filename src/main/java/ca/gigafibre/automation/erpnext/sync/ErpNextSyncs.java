package ca.gigafibre.automation.erpnext.sync;

import ca.gigafibre.automation.erpnext.ErpNextSettings;
import ca.gigafibre.automation.platform.error.ConflictException;
import jakarta.annotation.PreDestroy;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.springframework.stereotype.Service;

/**
 * Starts sync runs — in the background (API), in the caller's thread (the clustered job, the command line) — one at a
 * time across nodes, and only when ERPNext is enabled ({@code automation.erpnext.enabled}).
 */
@Service
public class ErpNextSyncs {

    private final boolean enabled;
    private final ErpNextSyncRunner runner;
    private final SyncRuns runs;
    private final DataSource dataSource;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "erpnext-sync");
        thread.setDaemon(true);
        return thread;
    });

    public ErpNextSyncs(ErpNextSettings settings, ErpNextSyncRunner runner, SyncRuns runs, DataSource dataSource) {
        this.enabled = settings.enabled();
        this.runner = runner;
        this.runs = runs;
        this.dataSource = dataSource;
    }

    /** Starts a run in the background: its id. */
    public long start(String actor) {
        Started started = begin(actor);
        background.submit(() -> finish(started, SyncProgress.NONE));
        return started.runId();
    }

    /** Runs to the end in this thread: its id (the run row says whether it completed). */
    public long runHere(String actor, SyncProgress progress) {
        Started started = begin(actor);
        finish(started, progress);
        return started.runId();
    }

    public Optional<SyncRunView> view(long id) {
        requireEnabled();
        return runs.view(id);
    }

    public boolean enabled() {
        return enabled;
    }

    private record Started(long runId, SyncLock lock) {
    }

    private Started begin(String actor) {
        requireEnabled();
        SyncLock lock = SyncLock.tryAcquire(dataSource)
                .orElseThrow(() -> new ConflictException("An ERPNext sync is already running; follow it with GET /api/admin/erpnext/syncs/{id}"));
        try {
            runs.failAbandoned();
            return new Started(runs.create(actor, runner.doctypes()), lock);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private void finish(Started started, SyncProgress progress) {
        try (SyncLock lock = started.lock()) {
            runner.run(started.runId(), progress);
        }
    }

    private void requireEnabled() {
        if (!enabled) {
            throw new ConflictException("ERPNext is not enabled (automation.erpnext.enabled)");
        }
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }
}
