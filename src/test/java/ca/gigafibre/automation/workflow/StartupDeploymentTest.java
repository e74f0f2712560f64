package ca.gigafibre.automation.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.testing.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Resource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

class StartupDeploymentTest extends IntegrationTest {

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    ResourceDeployer deployer;

    @Test
    void demoProcessItsFormAndTheDmnAreDeployedUnderStableNames() {
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("suspension").count()).isEqualTo(1);
        assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("charge-retry").count()).isEqualTo(1);
        String deploymentId = repositoryService.createProcessDefinitionQuery().processDefinitionKey("suspension")
                .singleResult().getDeploymentId();
        List<String> names = repositoryService.getDeploymentResources(deploymentId).stream().map(Resource::getName).toList();
        assertThat(names).contains("processes/suspension.bpmn", "processes/charge-retry.dmn", "forms/suspension-approval.form");
    }

    @Test
    void deployingUnchangedFilesAgainCreatesNoNewVersion() {
        long deployments = repositoryService.createDeploymentQuery().count();

        List<?> deployed = deployer.deploy();

        assertThat(deployed).isEmpty();
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("suspension").latestVersion()
                .singleResult().getVersion()).isEqualTo(1);
    }

    @Test
    void healthReportsDatabaseAndEngine() {
        ResponseEntity<JsonNode> anonymous = rest.getForEntity("/actuator/health", JsonNode.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(anonymous.getBody().path("status").asText()).isEqualTo("UP");
        assertThat(anonymous.getBody().has("components")).isFalse();   // no details for anonymous probes
        ResponseEntity<JsonNode> health = rest.withBasicAuth("admin", "demo").getForEntity("/actuator/health", JsonNode.class);
        assertThat(health.getBody().path("components").path("db").path("status").asText()).isEqualTo("UP");
        assertThat(health.getBody().path("components").path("processEngine").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void prometheusAndOpenApiAreServed() {
        assertThat(rest.getForEntity("/actuator/prometheus", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> metrics = rest.withBasicAuth("admin", "demo").getForEntity("/actuator/prometheus", String.class);
        assertThat(metrics.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(metrics.getBody()).contains("jvm_memory_used_bytes");
        assertThat(rest.getForEntity("/v3/api-docs", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<JsonNode> docs = rest.withBasicAuth("ops", "demo").getForEntity("/v3/api-docs", JsonNode.class);
        assertThat(docs.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(docs.getBody().path("paths").has("/api/customers")).isTrue();
        assertThat(docs.getBody().path("paths").has("/api/invoices")).isTrue();
    }
}
