package ca.gigafibre.automation.legacy;

import ca.gigafibre.automation.platform.audit.AuditLog;
import ca.gigafibre.automation.platform.error.ConflictException;
import ca.gigafibre.automation.platform.error.InvalidRequestException;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Starts legacy imports (API: in the background; command line: in the foreground). Before anything starts the source
 * is checked (URL, connection, credentials) and the import lock taken; an import that stopped before its end from the
 * same source, user and tables is resumed rather than started again.
 */
@Service
public class LegacyImports {

    private static final Logger log = LoggerFactory.getLogger(LegacyImports.class);

    private final LegacyImporter importer;
    private final ImportRuns runs;
    private final DataSource dataSource;
    private final AuditLog audit;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "legacy-import");
        thread.setDaemon(true);
        return thread;
    });

    public LegacyImports(LegacyImporter importer, ImportRuns runs, DataSource dataSource, AuditLog audit) {
        this.importer = importer;
        this.runs = runs;
        this.dataSource = dataSource;
        this.audit = audit;
    }

    /** {@code id} of the run, and whether it resumes one that had stopped. */
    public record Started(long id, boolean resumed) {
    }

    public Started start(ImportRequest request, String actor) {
        Prepared prepared = prepare(request, actor);
        executor.submit(() -> execute(prepared, LegacyImportProgress.NONE));
        return new Started(prepared.runId(), prepared.resumed());
    }

    /** The command line: runs to the end in this thread. */
    public Started runInForeground(ImportRequest request, String actor, LegacyImportProgress progress) {
        Prepared prepared = prepare(request, actor);
        execute(prepared, progress);
        return new Started(prepared.runId(), prepared.resumed());
    }

    public Optional<ImportReport> report(long id) {
        return runs.report(id);
    }

    private record Prepared(long runId, boolean resumed, List<String> tables, boolean dryRun, LegacySource source, ImportLock lock) {
    }

    private Prepared prepare(ImportRequest request, String actor) {
        List<String> tables = tables(request.tables());
        LegacySource source;
        try {
            source = LegacySource.open(request.jdbcUrl(), request.user(), request.password());
        } catch (LegacySource.LegacySourceException e) {
            throw new InvalidRequestException(e.field(), e.getMessage());
        }
        Optional<ImportLock> lock = ImportLock.tryAcquire(dataSource);
        if (lock.isEmpty()) {
            source.close();
            throw new ConflictException("A legacy import is already running; follow it with GET /api/admin/imports/{id}");
        }
        try {
            Optional<Long> resumable = request.isDryRun() ? Optional.empty() : runs.resumable(request.jdbcUrl(), request.user(), tables);
            runs.abandonStopped(resumable.orElse(null), request.isDryRun());
            long id;
            if (resumable.isPresent()) {
                id = resumable.get();
                runs.resume(id);
            } else {
                id = runs.create(request.jdbcUrl(), request.user(), request.isDryRun(), tables, actor);
            }
            audit.record(resumable.isPresent() ? "legacy-import.resumed" : "legacy-import.started", "legacy-import", String.valueOf(id), null,
                    Map.of("source", request.jdbcUrl(), "user", request.user(), "dryRun", request.isDryRun(), "tables", tables));
            log.info("Legacy import {} {} from {} as {} (dry run: {}), tables {}", id, resumable.isPresent() ? "resumed" : "started",
                    request.jdbcUrl(), request.user(), request.isDryRun(), tables);
            return new Prepared(id, resumable.isPresent(), tables, request.isDryRun(), source, lock.get());
        } catch (RuntimeException e) {
            source.close();
            lock.get().close();
            throw e;
        }
    }

    private void execute(Prepared prepared, LegacyImportProgress progress) {
        try (LegacySource source = prepared.source(); ImportLock lock = prepared.lock()) {
            importer.run(prepared.runId(), prepared.tables(), prepared.dryRun(), source, progress);
            runs.finish(prepared.runId());
            log.info("Legacy import {} finished", prepared.runId());
        } catch (Exception | Error e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            log.warn("Legacy import {} stopped: {}", prepared.runId(), message);
            runs.fail(prepared.runId(), message);
        }
    }

    /** The tables asked for, in import order; none means all. */
    private List<String> tables(List<String> asked) {
        List<String> known = importer.tables();
        if (asked == null || asked.isEmpty()) {
            return known;
        }
        List<String> unknown = asked.stream().filter(t -> !known.contains(t)).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidRequestException("tables", "unknown legacy table(s) " + String.join(", ", unknown) + "; known: "
                    + String.join(", ", known));
        }
        List<String> ordered = new ArrayList<>(known);
        ordered.retainAll(asked);
        return ordered;
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
