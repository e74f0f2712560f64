package ca.gigafibre.automation.platform;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.testing.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Door 2 of issue 19: deleting a deployment (Cockpit's Delete, {@code DELETE /engine-rest/deployment/{id}?cascade=true})
 * is for admins, and nobody deletes one while money or service processes of it run. Each test deletes only a small
 * deployment of its own (a stand-in with a guarded key, removed afterwards), never the one every process shares.
 */
class DeploymentDeletionTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    private String deployment;

    @AfterEach
    void removeTheStandIn() {
        if (deployment != null && repository.createDeploymentQuery().deploymentId(deployment).count() > 0) {
            runtime.createProcessInstanceQuery().deploymentId(deployment).list()
                    .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test over"));
            repository.deleteDeployment(deployment, true);
        }
    }

    @Test
    void anAnalystCannotDeleteADeploymentEvenAnIdleOne() {
        deployment = deploy("guard-idle-" + System.nanoTime());

        ResponseEntity<String> plain = delete("analyst", deployment, false);
        ResponseEntity<String> cascade = delete("analyst", deployment, true);

        assertThat(plain.getStatusCode()).as(plain.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(cascade.getStatusCode()).as(cascade.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(repository.createDeploymentQuery().deploymentId(deployment).count()).isEqualTo(1);
    }

    @Test
    void nobodyCascadeDeletesADeploymentWithRunningMoneyOrServiceProcessesAndAnAdminDeletesItOnceTheyEnded() throws Exception {
        // a stand-in for the shared deployment: one running reactivation (a service process) waiting at a user task
        deployment = deploy("reactivation");
        String running = runtime.startProcessInstanceById(repository.createProcessDefinitionQuery().deploymentId(deployment).singleResult().getId())
                .getId();

        ResponseEntity<String> analyst = delete("analyst", deployment, true);
        ResponseEntity<String> admin = delete("admin", deployment, true);

        assertThat(analyst.getStatusCode()).as(analyst.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(admin.getStatusCode()).as(admin.getBody()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(admin.getHeaders().getContentType()).hasToString("application/problem+json");
        JsonNode problem = JSON.readTree(admin.getBody());
        assertThat(problem.path("status").asInt()).isEqualTo(409);
        assertThat(problem.path("runningInstances").asLong()).isEqualTo(1);
        assertThat(problem.path("detail").asText()).contains("1 running instance");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(running).count()).isEqualTo(1);
        assertThat(repository.createDeploymentQuery().deploymentId(deployment).count()).isEqualTo(1);

        runtime.deleteProcessInstance(running, "ended");
        ResponseEntity<String> afterwards = delete("admin", deployment, true);

        assertThat(afterwards.getStatusCode()).as(afterwards.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(repository.createDeploymentQuery().deploymentId(deployment).count()).isZero();
    }

    @Test
    void anAdminDeletesADeploymentWhoseRunningProcessesAreNeitherMoneyNorService() {
        deployment = deploy("guard-other-" + System.nanoTime());
        runtime.startProcessInstanceById(repository.createProcessDefinitionQuery().deploymentId(deployment).singleResult().getId());

        ResponseEntity<String> admin = delete("admin", deployment, true);

        assertThat(admin.getStatusCode()).as(admin.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(repository.createDeploymentQuery().deploymentId(deployment).count()).isZero();
    }

    private String deploy(String processKey) {
        BpmnModelInstance waiting = Bpmn.createExecutableProcess(processKey).camundaHistoryTimeToLive(1)
                .startEvent().userTask("UserTask_Wait").camundaCandidateGroups("camunda-admin").endEvent().done();
        return repository.createDeployment().name("deletion-guard-test").addModelInstance(processKey + ".bpmn", waiting).deploy().getId();
    }

    private ResponseEntity<String> delete(String user, String deploymentId, boolean cascade) {
        return as(user).exchange("/engine-rest/deployment/" + deploymentId + (cascade ? "?cascade=true" : ""), HttpMethod.DELETE, null, String.class);
    }
}
