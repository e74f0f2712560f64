package ca.gigafibre.automation.bench;

import ca.gigafibre.automation.billing.run.BillingRunService;
import ca.gigafibre.automation.billing.run.BillingRunView;
import ca.gigafibre.automation.testing.BusinessDayClock;
import ca.gigafibre.automation.testing.IntegrationTest;
import ca.gigafibre.automation.testing.ScaleOneData;
import java.time.YearMonth;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The monthly billing run at scale 1.0 to quiescence — from the run until every started billing-collections has
 * reached its first wait and no job is executable — with the engine's job executor working, side by side with the bare
 * engine doing the same number of process starts and async jobs on a trivial BPMN, in the same run. Prints, never asserts time.
 */
@Tag("bench")
class BillingQuiescenceBenchmark extends IntegrationTest {

    @Autowired
    ScaleOneData data;

    @Autowired
    BillingRunService runs;

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    RepositoryService repository;

    @Autowired
    ManagementService management;

    @Autowired
    BusinessDayClock clock;

    @AfterEach
    void stop() {
        executor().shutdown();
        clock.reset();
    }

    @Test
    void billingRunToQuiescenceAgainstTheBareEngine() {
        data.ensure();
        clock.businessDay();   // 10:00 on a cut day: the invoices' notification-window timers are due at once
        executor().start();
        drain();

        long jobsBefore = historyJobs();
        long started = System.nanoTime();
        BillingRunView run = runs.execute(YearMonth.from(ca.gigafibre.automation.platform.time.BusinessTime.today()).plusMonths(1));
        double written = (System.nanoTime() - started) / 1e9;
        drain();
        long jobs = historyJobs() - jobsBefore;
        double quiet = (System.nanoTime() - started) / 1e9;
        System.out.printf("%nBENCH billing run to quiescence: %,d invoices, %,d processes started, written and started in %.1f s, "
                + "no executable job after %.1f s (%,d jobs run)%n", run.invoices(), run.started(), written, quiet, jobs);

        BpmnModelInstance anchor = Bpmn.createExecutableProcess("bench-anchor").camundaHistoryTimeToLive(1)
                .startEvent().camundaAsyncAfter()
                .serviceTask("Task_Anchor").camundaExpression("${true}").camundaAsyncBefore()
                .intermediateCatchEvent().timerWithDuration("PT1H")
                .endEvent().done();
        repository.createDeployment().addModelInstance("bench-anchor.bpmn", anchor).deploy();
        long anchorJobsBefore = historyJobs();
        long anchorStarted = System.nanoTime();
        for (int i = 0; i < run.started(); i++) {
            runtime.startProcessInstanceByKey("bench-anchor", "anchor-" + i);
        }
        drain();
        long anchorJobs = historyJobs() - anchorJobsBefore;
        double anchorSeconds = (System.nanoTime() - anchorStarted) / 1e9;
        System.out.printf("BENCH bare engine, same machine and run: %,d starts and %,d async jobs (2 a process) to quiescence in %.1f s; "
                + "billing run throughput = %.0f %% of the bare engine's%n", run.started(), anchorJobs, anchorSeconds, 100 * anchorSeconds / quiet);
    }

    /** Waits until no job is executable. */
    private void drain() {
        org.awaitility.Awaitility.await("no executable job left").atMost(java.time.Duration.ofMinutes(30))
                .pollInterval(java.time.Duration.ofMillis(250))
                .until(() -> management.createJobQuery().executable().count() == 0);
    }

    private long historyJobs() {
        return engine.getHistoryService().createHistoricJobLogQuery().successLog().count();
    }

    private JobExecutor executor() {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    }
}
