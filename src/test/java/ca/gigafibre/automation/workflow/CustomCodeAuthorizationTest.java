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
                    .serviceTask("Task_Diagnose").camundaDelegateExpression("${diagnoseTicket}")
                    .receiveTask("Wait_Inspect")
                    .endEvent()
                    .done()).deploy();
        }
    }

    @Test
    void opsRunDelegatesThatEvaluateTheAnalystsDecisions() {
        ProcessInstance instance = startAs("ops", List.of("ops"));

        // the diagnosis judged the optical signal with the analysts' optical-power table, as ops
        assertThat(runtimeService.getVariable(instance.getId(), "signal")).isNotNull();
        assertThat((String) runtimeService.getVariable(instance.getId(), "connectionSummary")).startsWith("ONT ");
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
                .hasMessageContaining("optical-power");
    }

    private ProcessInstance startAs(String user, List<String> groups) {
        identityService.setAuthentication(user, groups);
        try {
            return runtimeService.startProcessInstanceByKey(KEY, aTicketWithAnOnt());
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** A ticket at a location with an ONT the OLT knows: its diagnosis reads the OLT and evaluates the optical-power table. */
    private String aTicketWithAnOnt() {
        String customer = testCustomers.create("Diagnostic", false, false, false);
        testCustomers.installOnt(customer, fakes);
        return jdbc.sql("""
                INSERT INTO automation.ticket (customer_id, location_id, subject)
                SELECT c.id, l.id, 'Pas d''Internet' FROM automation.customer c JOIN automation.service_location l ON l.customer_id = c.id
                WHERE c.customer_no = :no RETURNING ticket_no
                """).param("no", customer).query(String.class).single();
    }

    @Autowired
    ca.gigafibre.automation.testing.TestCustomers testCustomers;

    @Autowired
    ca.gigafibre.automation.adapter.fake.FakeExternalSystems fakes;

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
