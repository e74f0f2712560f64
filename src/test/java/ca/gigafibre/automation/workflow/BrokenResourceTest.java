package ca.gigafibre.automation.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gigafibre.automation.testing.AnalystFolders;
import ca.gigafibre.automation.testing.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A broken analyst file is refused before it reaches the engine, and the message names the file and line. */
class BrokenResourceTest extends IntegrationTest {

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    ResourceChecker checker;

    @Test
    void malformedBpmnIsNamedWithItsLine() throws IOException {
        Path dir = AnalystFolders.freshCopy();
        Files.writeString(dir.resolve("processes/broken.bpmn"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="x">
                  <bpmn:process id="broken" isExecutable="true">
                    <bpmn:startEvent id="Start">
                  </bpmn:process>
                </bpmn:definitions>
                """);

        assertThatThrownBy(() -> deployerFor(dir).deploy())
                .isInstanceOf(InvalidResourcesException.class)
                .hasMessageContaining("processes/broken.bpmn line 5");
    }

    @Test
    void externalEntitiesAreRefusedInAnalystFilesAndThroughTheRestDeployment() throws IOException {
        Path secret = Files.createTempFile("xxe-secret", ".txt");
        Files.writeString(secret, "TOP-SECRET-" + secret.getFileName());
        String xxe = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE definitions [ <!ENTITY leak SYSTEM "%s"> ]>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="x">
                  <bpmn:process id="xxe" name="&leak;" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="Start" />
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(secret.toUri());
        Path dir = AnalystFolders.freshCopy();
        Files.writeString(dir.resolve("processes/xxe.bpmn"), xxe);

        assertThatThrownBy(() -> deployerFor(dir).deploy())
                .isInstanceOf(InvalidResourcesException.class)
                .hasMessageContaining("processes/xxe.bpmn")
                .hasMessageContaining("DOCTYPE")
                .hasMessageNotContaining("TOP-SECRET");

        org.springframework.util.LinkedMultiValueMap<String, Object> form = new org.springframework.util.LinkedMultiValueMap<>();
        form.add("deployment-name", "xxe-attempt");
        form.add("data", new org.springframework.core.io.ByteArrayResource(xxe.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "xxe.bpmn";
            }
        });
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA);
        org.springframework.http.ResponseEntity<String> deployed = as("analyst").postForEntity("/engine-rest/deployment/create",
                new org.springframework.http.HttpEntity<>(form, headers), String.class);

        // Camunda's own parser refuses the DOCTYPE; the caller's mistake, so a 400 (Camunda alone would say 500)
        assertThat(deployed.getStatusCode()).isEqualTo(org.springframework.http.HttpStatus.BAD_REQUEST);
        assertThat(deployed.getBody()).contains("DOCTYPE is disallowed");
        assertThat(deployed.getBody()).doesNotContain("TOP-SECRET");
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("xxe").count()).isZero();
    }

    @Test
    void semanticallyInvalidBpmnIsReportedByCamundaWithTheFile() throws IOException {
        Path dir = AnalystFolders.freshCopy();
        Files.writeString(dir.resolve("processes/dangling.bpmn"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="x">
                  <bpmn:process id="dangling" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="Start" />
                    <bpmn:sequenceFlow id="Flow_ToNowhere" sourceRef="Start" targetRef="Task_DoesNotExist" />
                  </bpmn:process>
                </bpmn:definitions>
                """);

        assertThatThrownBy(() -> deployerFor(dir).deploy())
                .isInstanceOf(InvalidResourcesException.class)
                .hasMessageContaining("processes/dangling.bpmn")
                .hasMessageContaining("Task_DoesNotExist");
    }

    @Test
    void brokenDmnIsNamed() throws IOException {
        Path dir = AnalystFolders.freshCopy();
        Files.writeString(dir.resolve("processes/broken.dmn"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="x">
                  <decision id="broken-decision" name="Broken">
                    <decisionTable id="t" hitPolicy="NOT_A_POLICY">
                      <output id="o" name="out" typeRef="string" />
                    </decisionTable>
                  </decision>
                </definitions>
                """);

        assertThatThrownBy(() -> deployerFor(dir).deploy())
                .isInstanceOf(InvalidResourcesException.class)
                .hasMessageContaining("processes/broken.dmn")
                .hasMessageContaining("NOT_A_POLICY");
    }

    @Test
    void brokenFormIsNamedWithItsLine() throws IOException {
        Path dir = AnalystFolders.freshCopy();
        Files.writeString(dir.resolve("forms/broken.form"), "{\n  \"id\": \"broken\",\n  \"components\": [\n    {\"type\": \"textfield\",,}\n  ]\n}\n");

        assertThatThrownBy(() -> deployerFor(dir).deploy())
                .isInstanceOf(InvalidResourcesException.class)
                .hasMessageContaining("forms/broken.form line 4");
    }

    @Test
    void userTaskPointingAtAMissingFormIsRefused() throws IOException {
        Path dir = AnalystFolders.freshCopy();
        Path bpmn = dir.resolve("processes/suspension.bpmn");
        Files.writeString(bpmn, Files.readString(bpmn).replace("camunda:formRef=\"suspension-approval\"", "camunda:formRef=\"no-such-form\""));

        assertThatThrownBy(() -> deployerFor(dir).deploy())
                .isInstanceOf(InvalidResourcesException.class)
                .hasMessageContaining("processes/suspension.bpmn")
                .hasMessageContaining("no-such-form");
    }

    @Test
    void nothingIsDeployedWhenOneFileIsBroken() throws IOException {
        long before = repositoryService.createDeploymentQuery().count();
        Path dir = AnalystFolders.freshCopy();
        Files.writeString(dir.resolve("forms/broken.form"), "not json");

        assertThatThrownBy(() -> deployerFor(dir).deploy()).isInstanceOf(InvalidResourcesException.class);
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(before);
    }

    private ResourceDeployer deployerFor(Path dir) {
        return new ResourceDeployer(repositoryService, new AnalystResources(new ResourcesSettings(dir.toString())), checker);
    }
}
