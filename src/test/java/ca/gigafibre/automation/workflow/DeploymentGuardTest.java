package ca.gigafibre.automation.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gigafibre.automation.testing.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * A deployed model is code (issue 19, door 1): through {@code /engine-rest/deployment/create} as {@code analyst}, the way
 * the Modeler and Cockpit deploy, every escape from "the project's delegates and expression beans" is refused with a 400
 * naming the file, element and reason, and nothing of it is deployed; what the project's own models use is accepted.
 */
class DeploymentGuardTest extends IntegrationTest {

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    IdentityService identityService;

    @Autowired
    ManagementService managementService;

    @Autowired
    ProcessEngineConfigurationImpl engine;

    static Stream<Arguments> escapes() {
        return Stream.of(
                escape("engine services from an expression", "escape-services.bpmn", "Task_Escalate", "reaches into the engine",
                        process("escape-services", """
                                <bpmn:serviceTask id="Task_Escalate"
                                    camunda:expression="${execution.processEngineServices.identityService.createMembership('analyst', 'camunda-admin')}" />""")),
                escape("execution.getProcessEngine() in a condition", "escape-get-engine.bpmn", "Flow_Escalate", "reaches into the engine",
                        process("escape-get-engine", """
                                <bpmn:exclusiveGateway id="Gateway_1" />
                                <bpmn:sequenceFlow id="Flow_Escalate" sourceRef="Gateway_1" targetRef="End_1">
                                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${execution.getProcessEngine().getIdentityService().createMembership('analyst', 'camunda-admin') == null}</bpmn:conditionExpression>
                                </bpmn:sequenceFlow>
                                <bpmn:endEvent id="End_1" />""")),
                escape("reflection through getClass in a timer", "escape-reflection.bpmn", "Timer_Reflect", "computed value",
                        process("escape-reflection", """
                                <bpmn:intermediateCatchEvent id="Wait_1">
                                  <bpmn:timerEventDefinition id="Timer_Reflect">
                                    <bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${''.getClass().forName('java.lang.Runtime').getRuntime().exec('id')}</bpmn:timeDuration>
                                  </bpmn:timerEventDefinition>
                                </bpmn:intermediateCatchEvent>""")),
                escape("a deferred #{...} expression", "escape-deferred.bpmn", "Call_Escalate", "reaches into the engine",
                        process("escape-deferred", """
                                <bpmn:callActivity id="Call_Escalate" calledElement="suspension">
                                  <bpmn:extensionElements>
                                    <camunda:in businessKey="#{execution.processEngineServices.runtimeService.toString()}" />
                                  </bpmn:extensionElements>
                                </bpmn:callActivity>""")),
                escape("indexing the execution with brackets", "escape-bracket.bpmn", "Task_Bracket", "reaches into the engine",
                        process("escape-bracket", """
                                <bpmn:userTask id="Task_Bracket" camunda:assignee="${execution['processEngineServices'].identityService}" />""")),
                escape("a JavaScript script task", "escape-javascript.bpmn", "Task_Script", "scripts are not allowed",
                        process("escape-javascript", """
                                <bpmn:scriptTask id="Task_Script" scriptFormat="javascript">
                                  <bpmn:script>java.lang.Runtime.getRuntime().exec('id')</bpmn:script>
                                </bpmn:scriptTask>""")),
                escape("a Groovy script task", "escape-groovy.bpmn", "Task_Groovy", "scripts are not allowed",
                        process("escape-groovy", """
                                <bpmn:scriptTask id="Task_Groovy" scriptFormat="groovy">
                                  <bpmn:script>'id'.execute()</bpmn:script>
                                </bpmn:scriptTask>""")),
                escape("an execution listener with camunda:class", "escape-class-listener.bpmn", "Task_Listened", "a Java class runs any code",
                        process("escape-class-listener", """
                                <bpmn:task id="Task_Listened">
                                  <bpmn:extensionElements>
                                    <camunda:executionListener event="start" class="org.camunda.bpm.engine.impl.bpmn.listener.ScriptExecutionListener" />
                                  </bpmn:extensionElements>
                                </bpmn:task>""")),
                escape("a service task with camunda:class", "escape-class-task.bpmn", "Task_Class", "a Java class runs any code",
                        process("escape-class-task", """
                                <bpmn:serviceTask id="Task_Class" camunda:class="ca.gigafibre.automation.billing.charge.ChargePpaDelegate" />""")),
                escape("the old activiti: namespace for a class", "escape-activiti.bpmn", "Task_Activiti", "a Java class runs any code",
                        process("escape-activiti", """
                                <bpmn:serviceTask id="Task_Activiti" activiti:class="ca.gigafibre.automation.billing.charge.ChargePpaDelegate" />""")),
                escape("a task listener with a script", "escape-script-listener.bpmn", "Task_Review", "scripts are not allowed",
                        process("escape-script-listener", """
                                <bpmn:userTask id="Task_Review" camunda:formRef="suspension-approval" camunda:formRefBinding="latest">
                                  <bpmn:extensionElements>
                                    <camunda:taskListener event="create">
                                      <camunda:script scriptFormat="javascript">task.execution.processEngineServices.identityService</camunda:script>
                                    </camunda:taskListener>
                                  </bpmn:extensionElements>
                                </bpmn:userTask>""")),
                escape("camunda:expression calling a delegate's method", "escape-delegate-call.bpmn", "Task_Call", "not one of the project's expression beans",
                        process("escape-delegate-call", """
                                <bpmn:serviceTask id="Task_Call" camunda:expression="${chargePpa.execute(execution)}" />""")),
                escape("camunda:expression changing a shared setting", "escape-setter.bpmn", "Task_Setter", "changes a shared bean",
                        process("escape-setter", """
                                <bpmn:serviceTask id="Task_Setter" camunda:expression="${collectionsSettings.setNoticePeriod('PT0S')}" />""")),
                escape("a delegate expression naming a bean that is no delegate", "escape-bean.bpmn", "Task_Bean", "not one of the project's delegates",
                        process("escape-bean", """
                                <bpmn:serviceTask id="Task_Bean" camunda:delegateExpression="${jdbcClient}" />""")),
                escape("a script from the classpath", "escape-resource.bpmn", "Task_Resource", "external resources",
                        process("escape-resource", """
                                <bpmn:scriptTask id="Task_Resource" scriptFormat="javascript" camunda:resource="classpath:application.yaml" />""")),
                escape("an input mapping with a script", "escape-mapping.bpmn", "Task_Mapped", "scripts are not allowed",
                        process("escape-mapping", """
                                <bpmn:task id="Task_Mapped">
                                  <bpmn:extensionElements>
                                    <camunda:inputOutput>
                                      <camunda:inputParameter name="x">
                                        <camunda:script scriptFormat="groovy">new File('/etc/passwd').text</camunda:script>
                                      </camunda:inputParameter>
                                    </camunda:inputOutput>
                                  </bpmn:extensionElements>
                                </bpmn:task>""")),
                escape("a connector", "escape-connector.bpmn", "Task_Http", "connectors call any URL",
                        process("escape-connector", """
                                <bpmn:serviceTask id="Task_Http">
                                  <bpmn:extensionElements>
                                    <camunda:connector>
                                      <camunda:connectorId>http-connector</camunda:connectorId>
                                    </camunda:connector>
                                  </bpmn:extensionElements>
                                </bpmn:serviceTask>""")),
                escape("a shell task", "escape-shell.bpmn", "Task_Shell", "camunda:type 'shell'",
                        process("escape-shell", """
                                <bpmn:serviceTask id="Task_Shell" camunda:type="shell" />""")),
                escape("an embedded HTML form key", "escape-embedded-form.bpmn", "Task_Html", "HTML forms run script",
                        process("escape-embedded-form", """
                                <bpmn:userTask id="Task_Html" camunda:formKey="embedded:deployment:evil.html" />""")),
                escape("an embedded HTML form file", "evil.html", "evil.html", "HTML, scripts and other files are refused",
                        "<form><script>fetch('/engine-rest/user/admin/credentials', {method: 'PUT'})</script></form>"),
                escape("a DMN in JavaScript", "escape-javascript.dmn", "InputExpression_Js", "'javascript' is not FEEL",
                        decision("escape-javascript-dmn", " expressionLanguage=\"javascript\"", "java.lang.System.exit(1)")),
                escape("a DMN in JUEL", "escape-juel.dmn", "InputExpression_Js", "'juel' is not FEEL",
                        decision("escape-juel-dmn", " expressionLanguage=\"juel\"", "${''.getClass()}")),
                escape("a DMN whose default (legacy JUEL) input expression calls a method", "escape-default-juel.dmn", "InputExpression_Js",
                        "not a simple FEEL value", decision("escape-default-juel-dmn", "", "customerId.getClass().forName('java.lang.Runtime')")),
                escape("a Camunda Form with an html component", "escape-html.form", "Html_1", "'html' is not allowed",
                        "{\"id\": \"escape-html\", \"type\": \"default\", \"schemaVersion\": 16, \"components\": "
                                + "[{\"id\": \"Html_1\", \"type\": \"html\", \"content\": \"<img src=x onerror=alert(1)>\"}]}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("escapes")
    void anAnalystsEscapeIsRefusedNamingTheElement(String what, String file, String elementId, String reason, String content) {
        long deploymentsBefore = repositoryService.createDeploymentQuery().count();

        ResponseEntity<String> deployed = deploy("analyst", file, content);

        assertThat(deployed.getStatusCode()).as(deployed.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(deployed.getBody()).contains(file).contains(elementId).contains(reason);
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deploymentsBefore);
        assertThat(identityService.createUserQuery().memberOfGroup("camunda-admin").userId("analyst").count()).isZero();
    }

    /** A timer start event runs with no user at all: the escape is refused at deployment, so no timer ever runs it. */
    @Test
    void aTimerStartEventCannotCarryAnEscape() {
        String model = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Timer" targetNamespace="http://gigafibre.ca/test">
                  <bpmn:process id="escape-timer-start" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="Start_Every_Minute">
                      <bpmn:timerEventDefinition id="Timer_Start"><bpmn:timeCycle>R/PT1M</bpmn:timeCycle></bpmn:timerEventDefinition>
                    </bpmn:startEvent>
                    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start_Every_Minute" targetRef="Task_Escalate" />
                    <bpmn:serviceTask id="Task_Escalate"
                        camunda:expression="${execution.processEngineServices.identityService.createMembership('analyst', 'camunda-admin')}" />
                  </bpmn:process>
                </bpmn:definitions>
                """;

        ResponseEntity<String> deployed = deploy("analyst", "escape-timer-start.bpmn", model);

        assertThat(deployed.getStatusCode()).as(deployed.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(deployed.getBody()).contains("Task_Escalate");
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("escape-timer-start").count()).isZero();
        assertThat(managementService.createJobQuery().activityId("Start_Every_Minute").count()).isZero();
    }

    /** What the project's models use — delegates, expression-bean reads, variable comparisons, a decision task — deploys. */
    @Test
    void anAnalystDeploysWhatTheProjectsModelsUse() {
        String model = process("guard-allowed", """
                <bpmn:exclusiveGateway id="Gateway_1" default="Flow_Default" />
                <bpmn:sequenceFlow id="Flow_Approved" sourceRef="Gateway_1" targetRef="Task_Decide">
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${approved == true &amp;&amp; execution.getVariable('settlement') != 'RETURNED'}</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                <bpmn:sequenceFlow id="Flow_Default" sourceRef="Gateway_1" targetRef="Wait_1" />
                <bpmn:businessRuleTask id="Task_Decide" camunda:decisionRef="charge-retry" camunda:resultVariable="plan" camunda:mapDecisionResult="singleResult" />
                <bpmn:serviceTask id="Task_Notify" camunda:delegateExpression="${notifyInvoice}" camunda:asyncBefore="true">
                  <bpmn:extensionElements>
                    <camunda:failedJobRetryTimeCycle>${retryPolicy.cycle}</camunda:failedJobRetryTimeCycle>
                    <camunda:executionListener event="end" expression="${execution.setVariable('noticeGiven', true)}" />
                  </bpmn:extensionElements>
                </bpmn:serviceTask>
                <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Decide" targetRef="Task_Notify" />
                <bpmn:intermediateCatchEvent id="Wait_1">
                  <bpmn:timerEventDefinition id="Timer_1">
                    <bpmn:timeDate xsi:type="bpmn:tFormalExpression">${businessHours.nextNotificationDate()}</bpmn:timeDate>
                  </bpmn:timerEventDefinition>
                </bpmn:intermediateCatchEvent>
                <bpmn:callActivity id="Call_1" calledElement="suspension">
                  <bpmn:extensionElements><camunda:in businessKey="#{execution.processBusinessKey}" /></bpmn:extensionElements>
                </bpmn:callActivity>""");

        ResponseEntity<String> deployed = deploy("analyst", "guard-allowed.bpmn", model);

        assertThat(deployed.getStatusCode()).as(deployed.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("guard-allowed").count()).isEqualTo(1);
    }

    /**
     * Every file under processes/ and forms/ passes the guard, exactly as a new deployment would meet it (Camunda's BPMN
     * parse with the guard in front, the resource check for DMN and forms), without deploying them again.
     */
    @Test
    void theProjectsOwnModelsAndFormsPassTheGuard() {
        AnalystResources project = new AnalystResources(new ResourcesSettings("."));
        List<AnalystResource> files = new ArrayList<>(project.list("processes", ".bpmn", ".dmn"));
        files.addAll(project.list("forms", ".form"));
        assertThat(files).hasSizeGreaterThanOrEqualTo(40);

        DeploymentGuard resources = new DeploymentGuard();
        for (AnalystResource file : files) {
            assertThat(resources.check(file.name(), file.content())).as(file.name()).isEmpty();
            if (file.name().endsWith(".bpmn")) {
                parseAsNewDeployment(file.name(), file.content());
            }
        }
        // and the same parse does refuse: the guard was in it
        AnalystResource suspension = files.stream().filter(f -> f.name().equals("processes/suspension.bpmn")).findFirst().orElseThrow();
        String withScript = suspension.text().replaceFirst("camunda:delegateExpression=\"\\$\\{[A-Za-z]+\\}\"", "camunda:class=\"java.lang.Runtime\"");
        assertThatThrownBy(() -> parseAsNewDeployment("processes/suspension.bpmn", withScript.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ParseException.class).hasMessageContaining("a Java class runs any code");
    }

    private void parseAsNewDeployment(String name, byte[] content) {
        engine.getCommandExecutorTxRequired().execute(context -> {
            DeploymentEntity deployment = new DeploymentEntity();
            deployment.setNew(true);
            BpmnParser parser = new BpmnParser(engine.getExpressionManager(), engine.getBpmnParseFactory());
            parser.createParse().sourceInputStream(new ByteArrayInputStream(content)).deployment(deployment).name(name).execute();
            return null;
        });
    }

    private ResponseEntity<String> deploy(String user, String file, String content) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("deployment-name", "guard-" + file);
        form.add("data", new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return file;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return as(user).postForEntity("/engine-rest/deployment/create", new HttpEntity<>(form, headers), String.class);
    }

    private static Arguments escape(String what, String file, String elementId, String reason, String content) {
        return Arguments.of(what, file, elementId, reason, content);
    }

    private static String process(String key, String body) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:activiti="http://activiti.org/bpmn"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_%1$s" targetNamespace="http://gigafibre.ca/test">
                  <bpmn:process id="%1$s" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="Start" />
                %2$s
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(key, body);
    }

    private static String decision(String key, String language, String inputExpression) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_%1$s" name="%1$s" namespace="http://gigafibre.ca/test">
                  <decision id="%1$s" name="Escape">
                    <decisionTable id="Table_1">
                      <input id="Input_1">
                        <inputExpression id="InputExpression_Js" typeRef="string"%2$s><text>%3$s</text></inputExpression>
                      </input>
                      <output id="Output_1" name="out" typeRef="string" />
                      <rule id="Rule_1">
                        <inputEntry id="InputEntry_1"><text>-</text></inputEntry>
                        <outputEntry id="OutputEntry_1"><text>"x"</text></outputEntry>
                      </rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """.formatted(key, language, inputExpression);
    }
}
