package ca.gigafibre.automation.voip;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.adapter.fake.FakeExternalSystems;
import ca.gigafibre.automation.adapter.pbx.PbxClient;
import ca.gigafibre.automation.adapter.olt.OltClient;
import ca.gigafibre.automation.demo.FakeSystemsSync;
import ca.gigafibre.automation.provisioning.NetworkReconciliation;
import ca.gigafibre.automation.testing.IntegrationTest;
import ca.gigafibre.automation.testing.ScaleOneData;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;

/** The nightly 911 audit and network reconciliation over generated data at scale 1.0. */
class NightlyAuditsTest extends IntegrationTest {

    @Autowired
    ScaleOneData data;

    @Autowired
    FakeExternalSystems fakes;

    @Autowired
    FakeSystemsSync sync;

    @Autowired
    E911NightlyAudit audit;

    @Autowired
    NetworkReconciliation reconciliation;

    @Autowired
    TaskService tasks;

    @Autowired
    OltClient olt;

    @Autowired
    PbxClient pbx;

    @Autowired
    Scheduler scheduler;

    @BeforeEach
    void scaleOneWithFakesInLine() {
        data.ensure();
        fakes.reset();
        sync.syncAll();
    }

    @Test
    void auditStoresItsFindingsAndAsksOpsOnlyAboutNewOnes() {
        E911AuditRun first = audit.run();
        E911AuditRun second = audit.run();
        String did = jdbc.sql("SELECT did FROM automation.voip_line ORDER BY did DESC LIMIT 1").query(String.class).single();
        jdbc.sql("UPDATE automation.e911_address SET city = 'Bromont' WHERE did = :did AND city <> 'Bromont'").param("did", did).update();
        jdbc.sql("UPDATE automation.e911_address SET city = 'Waterloo' WHERE did = :did AND city = 'Bromont'").param("did", did).update();
        E911AuditRun third = audit.run();

        assertThat(first.lines()).isEqualTo(790);
        assertThat(first.orphans()).isEqualTo(224);
        assertThat(second.newProblemDids()).isEmpty();
        assertThat(second.reviewProcessInstanceId()).isNull();
        assertThat(third.mismatches()).isEqualTo(1);
        assertThat(third.newProblemDids()).containsExactly(did);
        Task review = tasks.createTaskQuery().processInstanceId(third.reviewProcessInstanceId()).singleResult();
        assertThat(review.getName()).isEqualTo("Examiner les nouveaux constats de l'audit 9-1-1 / Review new 911 audit findings");
        assertThat(tasks.getVariable(review.getId(), "newProblemDids")).isEqualTo(did);
        assertThat(jdbc.sql("SELECT count(*) FROM automation.e911_audit_finding WHERE run_id = :run").param("run", third.id())
                .query(Long.class).single()).isEqualTo(225);
        jdbc.sql("UPDATE automation.e911_address a SET city = l.city FROM automation.voip_line v "
                + "JOIN automation.service_location l ON l.id = v.location_id WHERE v.did = a.did AND a.did = :did").param("did", did).update();
    }

    @Test
    void reconciliationListsOnlyRealDrift() {
        assertThat(reconciliation.run().drifts()).isEmpty();

        String serial = jdbc.sql("SELECT serial FROM automation.equipment WHERE kind = 'ont' AND status = 'installed' ORDER BY serial LIMIT 1")
                .query(String.class).single();
        String did = jdbc.sql("SELECT did FROM automation.voip_line WHERE state = 'active' ORDER BY did LIMIT 1").query(String.class).single();
        olt.setState(serial, "disabled", "manual test");
        pbx.setState(did, "suspended");
        NetworkReconciliation.Result result = reconciliation.run();

        assertThat(result.drifts()).extracting(d -> d.system() + " " + d.ref() + " " + d.expected() + "→" + d.actual())
                .containsExactlyInAnyOrder("olt " + serial + " enabled→disabled", "pbx " + did + " active→suspended");
        JsonNode report = as("ops").getForObject("/api/reports/network-drift", JsonNode.class);
        assertThat(report).hasSize(2);
    }

    @Test
    void bothNightlyJobsAreScheduled() throws Exception {
        assertThat(scheduler.checkExists(JobKey.jobKey("e911-audit", "automation"))).isTrue();
        assertThat(scheduler.checkExists(JobKey.jobKey("network-reconciliation", "automation"))).isTrue();
        assertThat(scheduler.getTriggersOfJob(JobKey.jobKey("e911-audit", "automation")).get(0).getNextFireTime()).isNotNull();
    }
}
