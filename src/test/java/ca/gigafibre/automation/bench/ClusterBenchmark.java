package ca.gigafibre.automation.bench;

import ca.gigafibre.automation.adapter.fake.FakeExternalSystems;
import ca.gigafibre.automation.adapter.fake.FakeMailServer;
import ca.gigafibre.automation.billing.run.BillingRunJob;
import ca.gigafibre.automation.billing.run.BillingRunService;
import ca.gigafibre.automation.billing.run.BillingRunView;
import ca.gigafibre.automation.demo.DemoDataGenerator;
import ca.gigafibre.automation.platform.time.BusinessTime;
import ca.gigafibre.automation.testing.AnalystFolders;
import ca.gigafibre.automation.testing.BusinessDayClock;
import ca.gigafibre.automation.testing.ClusterNode;
import ca.gigafibre.automation.testing.IntegrationTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.quartz.JobDataMap;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two nodes on one database at scale 1.0 (the set-up of {@link BillingQuiescenceBenchmark}): the monthly billing run to
 * quiescence on one node, on two (the other node a JVM of its own joined to this one, {@link ClusterNode}), and on one again
 * after the other node is killed with SIGKILL in the middle of a run — how long the surviving node takes to resume the run
 * (Quartz recovery) and to run the jobs the dead node held (their lock must expire: the other node's lock time is
 * {@code -Dbench.lock-ms}, default 45 s, its max-wait 10 s). Prints, never asserts time.
 */
@Tag("bench")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterBenchmark extends IntegrationTest {

    private static final int OTHER_LOCK_MS = Integer.getInteger("bench.lock-ms", 45_000);

    @Autowired
    DemoDataGenerator generator;

    @Autowired
    BillingRunService runs;

    @Autowired
    ProcessEngine engine;

    @Autowired
    ManagementService management;

    @Autowired
    BusinessDayClock clock;

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    FakeExternalSystems fakes;

    @Autowired
    FakeMailServer mail;

    @Autowired
    Scheduler scheduler;

    private long offset;
    private ClusterNode other;

    @BeforeAll
    void scaleOneOnACutDay() {
        scaleOne();
        LocalDate day = clock.nextCutDay(LocalDate.now(BusinessTime.ZONE));
        offset = day.atTime(10, 0).atZone(BusinessTime.ZONE).toInstant().toEpochMilli() - System.currentTimeMillis();
        ClockUtil.offset(offset);   // ticking, and the same in the other node's JVM (a fixed clock would never expire a lock)
        executor().setMaxWait(10_000);
        executor().start();
        drain();
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (other != null) {
                other.close();
            }
            scheduler.standby();
        } finally {
            executor().shutdown();
            ClockUtil.reset();
            scaleOne();   // the benchmarks after this one find the scale 1.0 data with no period billed
        }
    }

    /** Fresh data at scale 1.0 (the seed of {@link ca.gigafibre.automation.testing.ScaleOneData}), whatever ran before. */
    private void scaleOne() {
        generator.generate(1.0, 20261123, true);
    }

    @Test
    void billingRunOnOneNodeTwoNodesAndAfterAKill() throws Exception {
        YearMonth period = YearMonth.from(BusinessTime.today()).plusMonths(1);
        quiescence("one node", period);

        other = ClusterNode.start("bench-other-node", offset, List.of("--automation.join=true",
                "--automation.resources-dir=" + AnalystFolders.sharedCopy(), "--automation.embedded-postgres.port=" + postgres.getPort(),
                "--automation.fakes.port=" + fakes.server().getLocalPort(), "--automation.fakes.smtp-port=" + mail.port(),
                "--automation.node-id=bench-other", "--camunda.bpm.process-engine-name=bench-other",
                "--camunda.bpm.generic-properties.properties.hostname=bench-other", "--camunda.bpm.job-execution.enabled=true",
                "--camunda.bpm.job-execution.lock-time-in-millis=" + OTHER_LOCK_MS, "--camunda.bpm.job-execution.max-wait=10000",
                "--spring.quartz.auto-startup=true"));
        quiescence("two nodes", period.plusMonths(1));

        killInTheMiddleOfARun(period.plusMonths(2));

        quiescence("one node again, after the kill", period.plusMonths(3));
    }

    /** From the run until no job is executable; jobs per node from the job log. */
    private void quiescence(String nodes, YearMonth period) {
        Timestamp since = new Timestamp(ClockUtil.getCurrentTime().getTime());
        long started = System.nanoTime();
        BillingRunView run = runs.execute(period);
        double written = (System.nanoTime() - started) / 1e9;
        drain();
        double quiet = (System.nanoTime() - started) / 1e9;
        System.out.printf("%nBENCH cluster, %s: billing run %s, %,d invoices written and their processes started in %.1f s, no executable job"
                + " after %.1f s; jobs run per node %s%n", nodes, period, run.started(), written, quiet, jobsPerNode(since));
    }

    private void killInTheMiddleOfARun(YearMonth period) throws Exception {
        Timestamp since = new Timestamp(ClockUtil.getCurrentTime().getTime());
        long started = System.nanoTime();
        // fired as the monthly cron fires it (the API bills one month ahead at most): only the other node's scheduler runs
        scheduler.triggerJob(BillingRunJob.KEY, new JobDataMap(Map.of(BillingRunJob.PERIOD, period.toString())));
        // the other node's scheduler took the run; this node's stands ready to recover it
        Awaitility.await("the other node writes the invoices").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> invoicesOf(period) > 0);
        long invoices = invoicesOf(period);
        scheduler.start();
        Awaitility.await("a third of the processes started").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> startedOf(period) >= invoices / 3);

        other.kill();
        long killed = System.nanoTime();
        long startedAtKill = startedOf(period);
        String me = executor().getLockOwner();
        List<String> held = jdbc.sql("SELECT id_ FROM act_ru_job WHERE lock_owner_ IS NOT NULL AND lock_owner_ <> :me")
                .param("me", me).query(String.class).list();
        Map<String, Double> moments = new LinkedHashMap<>();
        Awaitility.await("the surviving node finished everything").atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    double now = (System.nanoTime() - killed) / 1e9;
                    long left = held.isEmpty() ? 0 : jdbc.sql("SELECT count(*) FROM act_ru_job WHERE id_ IN (:ids)").param("ids", held)
                            .query(Long.class).single();
                    if (left < held.size()) {
                        moments.putIfAbsent("first held job run", now);
                    }
                    if (left == 0) {
                        moments.putIfAbsent("all held jobs run", now);
                    }
                    if (startedOf(period) > startedAtKill) {
                        moments.putIfAbsent("run resumed", now);
                    }
                    if ("completed".equals(statusOf(period))) {
                        moments.putIfAbsent("run completed", now);
                    }
                    boolean quiet = left == 0 && "completed".equals(statusOf(period)) && management.createJobQuery().executable().count() == 0;
                    if (quiet) {
                        moments.putIfAbsent("no executable job", now);
                    }
                    return quiet;
                });
        List<String> after = new ArrayList<>();
        moments.forEach((what, at) -> after.add(String.format("%s %.1f s", what, at)));
        System.out.printf("%nBENCH cluster, kill -9 of the other node (lock time %d s) %.1f s into billing run %s, %,d of %,d processes started,"
                + " %d jobs locked by it: after the kill %s; jobs run per node %s%n", OTHER_LOCK_MS / 1000, (killed - started) / 1e9, period,
                startedAtKill, invoices, held.size(), String.join(", ", after), jobsPerNode(since));
    }

    private long invoicesOf(YearMonth period) {
        return jdbc.sql("""
                SELECT count(*) FROM automation.invoice i JOIN automation.billing_run r ON r.id = i.billing_run_id WHERE r.period = :p
                """).param("p", period.toString()).query(Long.class).single();
    }

    private long startedOf(YearMonth period) {
        return jdbc.sql("SELECT coalesce(max(started), 0) FROM automation.billing_run WHERE period = :p").param("p", period.toString())
                .query(Long.class).single();
    }

    private String statusOf(YearMonth period) {
        return jdbc.sql("SELECT status FROM automation.billing_run WHERE period = :p").param("p", period.toString()).query(String.class)
                .optional().orElse("none");
    }

    private Map<String, Long> jobsPerNode(Timestamp since) {
        Map<String, Long> byNode = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT hostname_, count(*) FROM act_hi_job_log WHERE job_state_ = 2 AND timestamp_ >= :since GROUP BY hostname_ ORDER BY hostname_
                """).param("since", since).query((rs, n) -> byNode.put(rs.getString(1), rs.getLong(2))).list();
        return byNode;
    }

    /** Waits until no job is executable. */
    private void drain() {
        Awaitility.await("no executable job left").atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> management.createJobQuery().executable().count() == 0);
    }

    private JobExecutor executor() {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    }
}
