package ca.gigafibre.automation.bench;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.billing.payment.NewPayment;
import ca.gigafibre.automation.billing.payment.PaymentService;
import ca.gigafibre.automation.billing.run.BillingRunService;
import ca.gigafibre.automation.collections.sweep.CollectionsSweep;
import ca.gigafibre.automation.collections.sweep.SweepResult;
import ca.gigafibre.automation.demo.DemoDataGenerator;
import ca.gigafibre.automation.platform.time.BusinessTime;
import ca.gigafibre.automation.testing.BusinessDayClock;
import ca.gigafibre.automation.testing.IntegrationTest;
import ca.gigafibre.automation.testing.ScaleOneData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Figures for account collections ({@code mvn -Pbench verify}): the sweep at scale 1.0, the first one (it opens a case
 * for every overdue account) and the steady state (nothing to start; target ≤ 2 s); then the running process instances
 * month by month over a simulated year of billing cycles at a small scale, which must not grow without bound.
 */
@Tag("bench")
class CollectionsBenchmark extends IntegrationTest {

    @Autowired
    ScaleOneData data;

    @Autowired
    CollectionsSweep sweep;

    @Autowired
    DemoDataGenerator generator;

    @Autowired
    BillingRunService runs;

    @Autowired
    PaymentService payments;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    BusinessDayClock clock;

    @AfterEach
    void realClock() {
        clock.reset();
    }

    @Test
    void sweepAtScaleOneThenAYearOfBillingCycles() {
        data.ensure();
        clock.businessDay();
        SweepResult first = sweep.run();
        SweepResult steady = sweep.run();
        SweepResult again = sweep.run();
        System.out.printf("%nBENCH collections sweep, first over %,d accounts: %.2f s (%,.0f accounts/s), %,d cases opened, %d reactivations%n",
                first.accounts(), first.millis() / 1000.0, first.accounts() * 1000.0 / Math.max(1, first.millis()), first.casesOpened(),
                first.reactivationsStarted());
        System.out.printf("BENCH collections sweep, steady state: %.2f s then %.2f s (target ≤ 2 s), started %d%n", steady.millis() / 1000.0,
                again.millis() / 1000.0, steady.casesOpened() + steady.reactivationsStarted() + again.casesOpened() + again.reactivationsStarted());
        assertThat(steady.casesOpened() + steady.reactivationsStarted() + steady.paymentsCorrelated()).isZero();

        simulateAYear();
    }

    /** Scale 0.05 (about 335 active accounts): billing run on the 1st, most invoices paid, the rest go to collections. */
    private void simulateAYear() {
        // the year starts from a clean engine: the instances of the scale 1.0 data go with it
        for (List<String> ids = ids(); !ids.isEmpty(); ids = ids()) {
            runtime.deleteProcessInstances(ids, "benchmark reset", true, true);
        }
        generator.generate(0.05, 7, true);
        Random random = new Random(20261123);
        YearMonth month = YearMonth.from(clock.businessDay()).plusMonths(1);
        Map<String, Long> before = running();
        System.out.printf("BENCH a simulated year at scale 0.05: running instances before %s%n", before);
        for (int i = 0; i < 12; i++, month = month.plusMonths(1)) {
            at(month.atDay(1), 6);
            runs.execute(month);
            for (int day = 1; day <= month.lengthOfMonth(); day += 3) {
                at(month.atDay(day), 10);
                drain();
                if (day == 10) {
                    payMost(random);
                }
            }
            sweep.run();
            drain();
            System.out.printf("BENCH   %s: running %s%n", month, running());
        }
        Map<String, Long> waitingAt = new TreeMap<>();
        runtime.createProcessInstanceQuery().processDefinitionKey("billing-collections").list().forEach(i ->
                runtime.getActiveActivityIds(i.getId()).forEach(a -> waitingAt.merge(a, 1L, Long::sum)));
        System.out.printf("BENCH   billing-collections still running wait at %s%n", waitingAt);
    }

    private void payMost(Random random) {
        List<Object[]> open = jdbc.sql("""
                SELECT c.customer_no, sum(i.total - i.amount_paid) FROM automation.invoice i JOIN automation.customer c ON c.id = i.customer_id
                WHERE i.status = 'open' GROUP BY c.customer_no ORDER BY c.customer_no
                """).query((rs, n) -> new Object[] {rs.getString(1), rs.getBigDecimal(2)}).list();
        for (Object[] account : open) {
            if (random.nextInt(100) < 90) {
                payments.record(new NewPayment((String) account[0], (BigDecimal) account[1], "portal", "bench", null), null);
            }
        }
    }

    private void drain() {
        for (int round = 0; round < 50; round++) {
            List<Job> due = management.createJobQuery().executable().listPage(0, 1000);
            if (due.isEmpty()) {
                return;
            }
            for (Job job : due) {
                try {
                    management.executeJob(job.getId());
                } catch (RuntimeException e) {
                    // a failed job keeps its retries; the figures count instances, not failures
                }
            }
        }
    }

    private List<String> ids() {
        return runtime.createProcessInstanceQuery().listPage(0, 1000).stream().map(i -> i.getId()).toList();
    }

    private Map<String, Long> running() {
        Map<String, Long> counts = new TreeMap<>();
        for (String key : List.of("billing-collections", "account-collections", "suspension", "reactivation")) {
            counts.put(key, runtime.createProcessInstanceQuery().processDefinitionKey(key).count());
        }
        return counts;
    }

    private static void at(LocalDate day, int hour) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(hour, 0).atZone(BusinessTime.ZONE).toInstant()));
    }
}
