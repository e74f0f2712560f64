package ca.gigafibre.automation.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.AutomationApplication;
import ca.gigafibre.automation.adapter.AdapterEndpoints;
import ca.gigafibre.automation.customer.CustomerService;
import ca.gigafibre.automation.customer.NewCustomer;
import ca.gigafibre.automation.customer.NewLocation;
import ca.gigafibre.automation.rules.RuleSetSync;
import ca.gigafibre.automation.testing.AnalystFolders;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * README's second demo node: {@code --automation.join=true} joins the first node's PostgreSQL and fake systems instead
 * of starting its own; both engines then work on one database (what one writes the other reads; both report their rules).
 */
class JoinNodeStartupTest {

    @Test
    void aSecondNodeJoinsTheFirstOnesDatabaseAndFakes() throws IOException {
        int pg = freePort();
        int fakes = freePort();
        int smtp = freePort();
        String folders = AnalystFolders.freshCopy().toString();
        try (ConfigurableApplicationContext first = start(folders, pg, fakes, smtp, "node-a", false);
             ConfigurableApplicationContext second = start(folders, pg, fakes, smtp, "node-b", true)) {
            String customer = first.getBean(CustomerService.class).create(new NewCustomer("Deux", "Noeuds", null, "deux@example.com",
                    "450-555-0199", null, "fr", false, false, false, null,
                    new NewLocation("1", null, "Rue du Cluster", "Granby", "QC", "J2G 1A1", null, null, null, null), null)).id();

            assertThat(second.getBean(JdbcClient.class).sql("SELECT count(*) FROM automation.customer WHERE customer_no = :no")
                    .param("no", customer).query(Long.class).single()).isEqualTo(1);
            assertThat(second.getBean(AdapterEndpoints.class).baseUrl("olt")).isEqualTo("http://localhost:" + fakes + "/olt");
            assertThat(second.getBean(RuleSetSync.class).nodes()).extracting(RuleSetSync.NodeVersion::nodeId).contains("node-a", "node-b");
            assertThat(second.containsBean("embeddedPostgres")).isFalse();
            assertThat(second.containsBean("fakeExternalSystems")).isFalse();
        }
    }

    /**
     * Both job executors compete for the same 2,000 due timers, and each fires once. The timers are created while both
     * executors stand still, then both start: a node that creates a job is told at once ("hinted") and usually runs it
     * itself, while the other node only looks every {@code max-wait} when idle — with both running during the creation,
     * the creating node took every timer and the race this test is about did not happen.
     */
    @Test
    void withTwoEnginesOnOneDatabaseEachOf2000DueTimersFiresExactlyOnce() throws Exception {
        int pg = freePort();
        java.nio.file.Path folders = AnalystFolders.freshCopy();
        java.nio.file.Files.writeString(folders.resolve("processes/zz-cluster-timer.bpmn"), TIMER_PROCESS);
        try (ConfigurableApplicationContext first = start(folders.toString(), pg, freePort(), freePort(), "timers-a", false, true);
             ConfigurableApplicationContext second = start(folders.toString(), pg, freePort(), freePort(), "timers-b", true, true)) {
            jobExecutor(first).shutdown();
            jobExecutor(second).shutdown();
            org.camunda.bpm.engine.RuntimeService runtime = first.getBean(org.camunda.bpm.engine.RuntimeService.class);
            for (int i = 0; i < 2000; i++) {
                runtime.startProcessInstanceByKey("zz-cluster-timer", "timer-" + i);
            }
            jobExecutor(first).start();
            jobExecutor(second).start();
            org.camunda.bpm.engine.HistoryService history = second.getBean(org.camunda.bpm.engine.HistoryService.class);
            // the two job executors work; no timing is asserted, only that all 2,000 end within a generous bound
            org.awaitility.Awaitility.await("2,000 timer processes ended").atMost(java.time.Duration.ofMinutes(5))
                    .pollInterval(java.time.Duration.ofMillis(500))
                    .until(() -> history.createHistoricProcessInstanceQuery().processDefinitionKey("zz-cluster-timer").finished().count() == 2000);

            JdbcClient jdbc = second.getBean(JdbcClient.class);
            assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("zz-cluster-timer").finished().count()).isEqualTo(2000);
            assertThat(jdbc.sql("""
                    SELECT count(*) FROM act_hi_job_log WHERE process_def_key_ = 'zz-cluster-timer' AND job_def_type_ = 'timer-intermediate-transition'
                      AND job_state_ = 2
                    """).query(Long.class).single()).isEqualTo(2000);   // state 2: executed successfully, once each
            assertThat(jdbc.sql("""
                    SELECT count(DISTINCT job_id_) FROM act_hi_job_log WHERE process_def_key_ = 'zz-cluster-timer' AND job_state_ = 2
                    """).query(Long.class).single()).isEqualTo(2000);
            java.util.Map<String, Long> byNode = new java.util.HashMap<>();
            jdbc.sql("SELECT hostname_, count(*) FROM act_hi_job_log WHERE process_def_key_ = 'zz-cluster-timer' AND job_state_ = 2 GROUP BY hostname_")
                    .query((rs, n) -> byNode.put(rs.getString(1), rs.getLong(2))).list();
            System.out.println("timers fired per node: " + byNode);
            assertThat(byNode.keySet()).containsExactlyInAnyOrder("timers-a", "timers-b");   // both took part
            assertThat(byNode.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(2000);
        }
    }

    private static org.camunda.bpm.engine.impl.jobexecutor.JobExecutor jobExecutor(ConfigurableApplicationContext node) {
        return ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) node.getBean(org.camunda.bpm.engine.ProcessEngine.class)
                .getProcessEngineConfiguration()).getJobExecutor();
    }

    private static final String TIMER_PROCESS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" targetNamespace="https://gigafibre.ca/bpmn">
              <bpmn:process id="zz-cluster-timer" name="Cluster timer test" isExecutable="true" camunda:historyTimeToLive="P1D">
                <bpmn:startEvent id="Start"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
                <bpmn:intermediateCatchEvent id="Timer_Due">
                  <bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing>
                  <bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT0S</bpmn:timeDuration></bpmn:timerEventDefinition>
                </bpmn:intermediateCatchEvent>
                <bpmn:endEvent id="End"><bpmn:incoming>Flow_2</bpmn:incoming></bpmn:endEvent>
                <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Timer_Due" />
                <bpmn:sequenceFlow id="Flow_2" sourceRef="Timer_Due" targetRef="End" />
              </bpmn:process>
            </bpmn:definitions>
            """;

    private static ConfigurableApplicationContext start(String folders, int pg, int fakes, int smtp, String node, boolean join) {
        return start(folders, pg, fakes, smtp, node, join, false);
    }

    private static ConfigurableApplicationContext start(String folders, int pg, int fakes, int smtp, String node, boolean join, boolean jobs) {
        return new SpringApplicationBuilder(AutomationApplication.class).profiles("demo", "test").run(
                "--automation.resources-dir=" + folders, "--server.port=0", "--automation.embedded-postgres.port=" + pg,
                "--automation.fakes.port=" + fakes, "--automation.fakes.smtp-port=" + smtp, "--automation.node-id=" + node,
                "--camunda.bpm.process-engine-name=" + node, "--automation.join=" + join,
                "--camunda.bpm.job-execution.enabled=" + jobs, "--camunda.bpm.generic-properties.properties.hostname=" + node);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
