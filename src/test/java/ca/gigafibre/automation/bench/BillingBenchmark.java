package ca.gigafibre.automation.bench;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.billing.PpaFacts;
import ca.gigafibre.automation.billing.ppa.PpaFactsLoader;
import ca.gigafibre.automation.billing.run.BillingRunService;
import ca.gigafibre.automation.billing.run.BillingRunView;
import ca.gigafibre.automation.rules.RuleDecisions;
import ca.gigafibre.automation.testing.IntegrationTest;
import ca.gigafibre.automation.testing.ScaleOneData;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Figures for the billing side at scale 1.0 ({@code mvn -Pbench verify}): the monthly billing run (invoices written
 * and billing-collections started; target ≤ 60 s) and the PPA decision throughput of Drools against the same
 * decisions written by hand (target ≥ 25 % of the hand-written throughput).
 */
@Tag("bench")
class BillingBenchmark extends IntegrationTest {

    @Autowired
    ScaleOneData data;

    @Autowired
    BillingRunService runs;

    @Autowired
    PpaFactsLoader facts;

    @Autowired
    RuleDecisions decisions;

    @Autowired
    ca.gigafibre.automation.rules.RuleBase ruleBase;

    @Autowired
    ca.gigafibre.automation.collections.sweep.CollectionsSweep sweep;

    @Test
    void monthlyRunAndDecisionThroughput() {
        data.ensure();
        YearMonth period = YearMonth.now().plusMonths(1);
        long started = System.nanoTime();
        BillingRunView run = runs.execute(period);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%nBENCH billing run %s: %,d accounts, %,d invoices, %,d billing-collections started in %.1f s (%.0f invoices/s)%n",
                period, run.accounts(), run.invoices(), run.started(), seconds, run.invoices() / seconds);
        assertThat(run.status()).isEqualTo("completed");

        List<String> invoices = jdbc.sql("SELECT invoice_no FROM automation.invoice WHERE billing_run_id = :id").param("id", run.id())
                .query(String.class).list();
        long loading = System.nanoTime();
        List<PpaFacts> all = invoices.stream().map(i -> facts.load(i).facts()).toList();
        System.out.printf("BENCH PPA facts loaded for %,d invoices in %.1f s%n", all.size(), (System.nanoTime() - loading) / 1e9);

        for (PpaFacts f : all.subList(0, Math.min(500, all.size()))) {   // warm both paths
            decisions.decide("ppa", f);
            HandWrittenPpaDecision.decide(f);
        }
        long drools = System.nanoTime();
        List<String> byRules = all.stream().map(f -> decisions.decide("ppa", f).outcome()).toList();
        double droolsSeconds = (System.nanoTime() - drools) / 1e9;
        long byHandStart = System.nanoTime();
        List<String> byHand = all.stream().map(HandWrittenPpaDecision::decide).toList();
        double javaSeconds = Math.max((System.nanoTime() - byHandStart) / 1e9, 1e-9);
        assertThat(byRules).isEqualTo(byHand);
        decisions.decideAll("ppa", all);   // warm the batch path
        long batch = System.nanoTime();
        List<String> byBatch = decisions.decideAll("ppa", all).values().stream().map(r -> r.outcome()).toList();
        double batchSeconds = (System.nanoTime() - batch) / 1e9;
        assertThat(byBatch).isEqualTo(byHand);
        // where the time goes: the same batch without the fired-rules listener
        org.kie.api.KieBase kieBase = ruleBase.current().kieBase();
        java.util.function.Supplier<List<Object>> inserted = () -> {
            List<Object> objects = new java.util.ArrayList<>();
            all.forEach(f -> {
                objects.add(f);
                objects.add(new ca.gigafibre.automation.rules.Decision(f.getSubject()));
            });
            return objects;
        };
        kieBase.newStatelessKieSession().execute(inserted.get());
        List<Object> bare = inserted.get();
        long bareStart = System.nanoTime();
        kieBase.newStatelessKieSession().execute(bare);
        double bareSeconds = (System.nanoTime() - bareStart) / 1e9;
        System.out.printf("BENCH PPA decisions, one session, no listener: %,.0f/s (the listener and result mapping cost %.0f %% of the batch)%n",
                all.size() / bareSeconds, 100 * (1 - bareSeconds / batchSeconds));
        double droolsRate = all.size() / droolsSeconds;
        double batchRate = all.size() / batchSeconds;
        double javaRate = all.size() / javaSeconds;
        System.out.printf("BENCH PPA decisions: hand-written Java %,.0f/s; Drools one session per invoice %,.0f/s (%.2f %% of it); "
                + "Drools all invoices in one session %,.0f/s (%.2f %% of it)%n", javaRate, droolsRate, 100 * droolsRate / javaRate,
                batchRate, 100 * batchRate / javaRate);
        ca.gigafibre.automation.collections.sweep.SweepResult first = sweep.run();
        ca.gigafibre.automation.collections.sweep.SweepResult second = sweep.run();
        System.out.printf("BENCH collections sweep over %,d accounts: %.1f s (%,.0f accounts/s; opened %d cases, %d reactivations); "
                + "steady state again: %.2f s (started %d)%n", first.accounts(), first.millis() / 1000.0, first.accounts() * 1000.0 / Math.max(1, first.millis()),
                first.casesOpened(), first.reactivationsStarted(), second.millis() / 1000.0, second.casesOpened() + second.reactivationsStarted());
        assertThat(second.casesOpened() + second.reactivationsStarted() + second.paymentsCorrelated()).isZero();
        System.out.printf("BENCH outcomes: %s%n", byRules.stream().collect(java.util.stream.Collectors.groupingBy(o -> o,
                java.util.TreeMap::new, java.util.stream.Collectors.counting())));
    }
}
