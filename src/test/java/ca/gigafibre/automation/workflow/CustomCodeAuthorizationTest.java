package ca.gigafibre.automation.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gigafibre.automation.testing.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Delegates and expressions run with the authorizations of the user whose request runs them
 * (authorizationEnabledForCustomCode; Camunda's default runs them with none): a user allowed to start a process but
 * nothing else cannot reach more through its delegates, while ops still run the delegates that evaluate DMN tables.
 */
class CustomCodeAuthorizationTest extends IntegrationTest {

    private static final String KEY = "custom-code-authorization";

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    IdentityService identityService;

    @Autowired
    AuthorizationService authorizationService;

    @BeforeEach
    void deployAProcessWhoseDelegateEvaluatesADecision() {
        if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).count() == 0) {
            repositoryService.createDeployment().name(KEY).addModelInstance(KEY + ".bpmn", Bpmn.createExecutableProcess(KEY)
                    .camundaHistoryTimeToLive(1)
                    .startEvent()
                    .serviceTask("Task_PlanChargeRetry").camundaDelegateExpression("${planChargeRetry}")
                    .receiveTask("Wait_Inspect")
                    .endEvent()
                    .done()).deploy();
        }
    }

    @Test
    void opsRunDelegatesThatEvaluateTheAnalystsDecisions() {
        ProcessInstance instance = startAs("ops", List.of("ops"));

        assertThat(runtimeService.getVariable(instance.getId(), "giveUp")).isEqualTo(false);
        assertThat(runtimeService.getVariable(instance.getId(), "retryAfter")).isEqualTo("P3D");
    }

    @Test
    void aDelegateHasNoMoreRightsThanTheUserWhoseRequestRunsIt() {
        String user = throwawayOpsUser(identityService);
        identityService.deleteMembership(user, "ops");
        String group = user + "starters";   // group ids: letters and digits only
        identityService.saveGroup(identityService.newGroup(group));
        identityService.createMembership(user, group);
        grant(group, Resources.PROCESS_DEFINITION, KEY, Permissions.CREATE_INSTANCE, Permissions.READ);
        grant(group, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);

        assertThatThrownBy(() -> startAs(user, List.of(group)))
                .isInstanceOf(AuthorizationException.class)
                .hasMessageContaining("charge-retry");
    }

    private ProcessInstance startAs(String user, List<String> groups) {
        identityService.setAuthentication(user, groups);
        try {
            return runtimeService.startProcessInstanceByKey(KEY, Map.of("chargeAttempt", 1));
        } finally {
            identityService.clearAuthentication();
        }
    }

    private void grant(String group, org.camunda.bpm.engine.authorization.Resource resource, String id,
            org.camunda.bpm.engine.authorization.Permission... permissions) {
        Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(group);
        grant.setResource(resource);
        grant.setResourceId(id);
        for (org.camunda.bpm.engine.authorization.Permission permission : permissions) {
            grant.addPermission(permission);
        }
        authorizationService.saveAuthorization(grant);
    }
}
