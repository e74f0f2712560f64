package ca.gigafibre.automation.bench.live;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/** The engine figures: the monthly billing run to quiescence, the timer storm and the collections sweep, each beside the bare engine. */
final class EngineFigures {

    /** A billing run to quiescence and the bare engine doing the same starts and async steps, in the same run. */
    /** {@code outbox}: the ERPNext outbox drained of the run's documents, watched from the run's start (null when not watched). */
    record Billing(int invoices, int started, double writtenSeconds, double quietSeconds, long jobsRun, double anchorSeconds,
                   OutboxDrain.Drained outbox) {
        double msPerInvoice() {
            return 1000 * quietSeconds / Math.max(1, invoices);
        }

        double anchorMsPerInstance() {
            return 1000 * anchorSeconds / Math.max(1, invoices);
        }
    }

    /** Timers made due at one instant and drained: how many, in how long, the incidents they raised. */
    /** {@code postponed}: timers that fired outside the customer's window and wait for it again (the engine's re-check). */
    record Storm(long timers, double seconds, long incidents, long postponed) {
        double rate() {
            return timers / seconds;
        }
    }

    static final String BILLING_PROCESS = "billing-collections";
    static final String NOTIFICATION_TIMER = "Timer_NotificationWindow";
    static final String CHARGE_PROCESS = "ppa-charge";
    static final String CHARGE_NOTICE_TIMER = "Timer_PpaNoticeWindow";

    private final EngineHttp http;
    private final EngineJobs jobs;
    private final BareEngine bare;

    EngineFigures(EngineHttp http) {
        this.http = http;
        this.jobs = new EngineJobs(http);
        this.bare = new BareEngine(http);
    }

    EngineJobs jobs() {
        return jobs;
    }

    /** Loads the demo data at a scale, replacing what is there (the fakes are given what the data says they hold). */
    JsonNode load(double scale) {
        JsonNode report = http.post("admin", "/api/admin/demo-data", Map.of("scale", scale, "replace", true));
        jobs.awaitQuiet();
        return report;
    }

    /**
     * Next month's billing run until it completed and no job is executable, then (with {@code postgres}) until the ERPNext
     * outbox holds nothing pending, then the bare engine with as many instances.
     */
    Billing billingRun(boolean withAnchor, PostgresAnchor postgres) throws Exception {
        jobs.awaitQuiet();
        OutboxDrain drain = postgres == null ? null : OutboxDrain.watch(postgres);
        String period = YearMonth.now(ZoneId.of("America/Montreal")).plusMonths(1).toString();
        long jobsBefore = jobsRun();
        long started = System.nanoTime();
        long id = http.post("admin", "/api/billing/runs", Map.of("period", period)).path("id").asLong();
        Awaitility.await("billing run " + id + " done").atMost(Duration.ofHours(1)).pollInterval(250, TimeUnit.MILLISECONDS)
                .until(() -> !http.get("admin", "/api/billing/runs/" + id).path("finishedAt").isMissingNode());
        JsonNode run = http.get("admin", "/api/billing/runs/" + id);
        if (!"completed".equals(run.path("status").asText())) {
            throw new IllegalStateException("billing run " + id + " ended " + run);
        }
        double written = seconds(started);
        jobs.awaitQuiet();
        double quiet = seconds(started);
        long jobsRun = jobsRun() - jobsBefore;
        int invoices = run.path("invoices").asInt();
        OutboxDrain.Drained outbox = null;
        if (drain != null) {
            try (drain) {
                outbox = drain.awaitEmpty();
            }
        }
        double anchor = Double.NaN;
        if (withAnchor) {
            bare.deploy();
            long anchorStarted = System.nanoTime();
            bare.start(invoices);
            jobs.awaitQuiet();
            anchor = seconds(anchorStarted);
        }
        return new Billing(invoices, run.path("started").asInt(), written, quiet, jobsRun, anchor, outbox);
    }

    /**
     * Suspends the job definitions of the timers that wait for the notification window after a billing run — each invoice's
     * send and each PPA invoice's pre-notice — so the jobs a run creates are created held ({@link #billingStorm} releases them).
     */
    void holdBillingTimers() {
        jobs.hold(stormTimers());
    }

    /** The billing runs' notification-window timers made due at once and drained; null when none waits. */
    Storm billingStorm() {
        return storm(stormTimers());
    }

    private List<String> stormTimers() {
        List<String> definitions = new ArrayList<>(jobs.jobDefinitions(BILLING_PROCESS, NOTIFICATION_TIMER));
        definitions.addAll(jobs.jobDefinitions(CHARGE_PROCESS, CHARGE_NOTICE_TIMER));
        return definitions;
    }

    /** The bare engine's timers (one per anchor instance) made due at once and drained. */
    Storm anchorStorm() {
        return storm(jobs.jobDefinitions(BareEngine.KEY, BareEngine.TIMER));
    }

    private Storm storm(List<String> timerDefinitions) {
        jobs.awaitQuiet();
        if (jobs.jobs(timerDefinitions) == 0) {
            return null;
        }
        long incidentsBefore = jobs.incidents();
        jobs.holdAndMakeDue(timerDefinitions);
        long timers = jobs.jobs(timerDefinitions);
        long started = System.nanoTime();
        jobs.activate(timerDefinitions);
        Awaitility.await("timers drained").atMost(Duration.ofHours(1)).pollInterval(250, TimeUnit.MILLISECONDS)
                .until(() -> jobs.executableJobs(timerDefinitions) == 0);
        jobs.awaitQuiet();
        return new Storm(timers, seconds(started), jobs.incidents() - incidentsBefore, jobs.jobs(timerDefinitions));
    }

    /** One collections sweep: wall time in ms and the sweep's answer (accounts, cases opened …). */
    record Sweep(double millis, JsonNode result) {
    }

    Sweep sweep() {
        long started = System.nanoTime();
        JsonNode result = http.post("admin", "/api/collections/sweeps", null);
        double millis = (System.nanoTime() - started) / 1e6;
        jobs.awaitQuiet();
        return new Sweep(millis, result);
    }

    private long jobsRun() {
        return http.count("admin", "/engine-rest/history/job-log/count?successLog=true");
    }

    static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
