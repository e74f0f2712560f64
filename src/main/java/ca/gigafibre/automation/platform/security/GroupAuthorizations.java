package ca.gigafibre.automation.platform.security;

import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;

/**
 * The Camunda side of the authorization matrix (README), in every profile: groups {@code ops} (Tasklist: start
 * processes, work tasks) and {@code analysts} (Cockpit, deploy BPMN/DMN, read) with their grants, created once. Members
 * come from Camunda Admin, or from the identity provider's groups when SSO is on (mapped by configuration).
 */
@Component
@DependsOn("bootstrapAdmin")
public class GroupAuthorizations implements InitializingBean {

    /** Process keys whose instance variables nobody may change by hand. */
    public static final List<String> MONEY_PROCESSES = List.of("billing-collections", "ppa-charge", "account-collections",
            "account-collections-negotiation", "account-collections-suspension", "suspension-notice");

    /** Processes that change a customer's service on the network: never deleted with their deployment while they run. */
    public static final List<String> SERVICE_PROCESSES = List.of("suspension", "reactivation", "provisioning", "voip-line",
            "e911-address-change", "sales-activation", "sales-installation");

    /** Started, moved and resumed by the engine alone: ops work their tasks, nothing else (money, cuts and their lifting). */
    public static final List<String> ENGINE_STEERED_PROCESSES = Stream.concat(MONEY_PROCESSES.stream(),
            Stream.of("suspension", "reactivation")).toList();

    /** What ops may not do by hand on an engine-steered process (instance modification and message correlation are UPDATE_INSTANCE). */
    private static final List<Permission> STEERING = List.of(Permissions.CREATE_INSTANCE, Permissions.UPDATE_INSTANCE,
            ProcessDefinitionPermissions.SUSPEND_INSTANCE, ProcessDefinitionPermissions.MIGRATE_INSTANCE, Permissions.DELETE_INSTANCE);

    /** What nobody in a group changes by hand on an engine-steered process: its variables (a task's non-local variable is a process variable). */
    private static final List<Permission> VARIABLES = List.of(ProcessDefinitionPermissions.UPDATE_INSTANCE_VARIABLE,
            ProcessDefinitionPermissions.UPDATE_TASK_VARIABLE);

    private final IdentityService identity;
    private final AuthorizationService authorizations;

    public GroupAuthorizations(IdentityService identity, AuthorizationService authorizations) {
        this.identity = identity;
        this.authorizations = authorizations;
    }

    @Override
    public void afterPropertiesSet() {
        if (createGroup(Groups.OPS, "Opérations (ops)")) {
            grant(Groups.OPS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(Groups.OPS, Resources.FILTER, Authorization.ANY, Permissions.READ);
            grant(Groups.OPS, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ,
                    Permissions.CREATE_INSTANCE, Permissions.READ_TASK, Permissions.UPDATE_TASK, Permissions.READ_INSTANCE,
                    Permissions.UPDATE_INSTANCE, ProcessDefinitionPermissions.UPDATE_INSTANCE_VARIABLE,
                    ProcessDefinitionPermissions.UPDATE_TASK_VARIABLE);
            // updating instances is granted per process definition, where the engine-steered ones revoke it; a grant on
            // every instance (PROCESS_INSTANCE *) would outweigh those revokes
            grant(Groups.OPS, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE, Permissions.READ);
            grant(Groups.OPS, Resources.TASK, Authorization.ANY, Permissions.READ, Permissions.UPDATE);
        }
        if (createGroup(Groups.ANALYSTS, "Analystes d'affaires (analysts)")) {
            grant(Groups.ANALYSTS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            grant(Groups.ANALYSTS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(Groups.ANALYSTS, Resources.FILTER, Authorization.ANY, Permissions.READ);
            // deleting a deployment (with its running instances) is for admins
            grant(Groups.ANALYSTS, Resources.DEPLOYMENT, Authorization.ANY, Permissions.CREATE, Permissions.READ);
            // analysts deploy and read, but start no process and change no instance: no money or service state by hand
            grant(Groups.ANALYSTS, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ, Permissions.READ_HISTORY,
                    Permissions.READ_INSTANCE, Permissions.READ_TASK);
            grant(Groups.ANALYSTS, Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.ALL);
            grant(Groups.ANALYSTS, Resources.DECISION_REQUIREMENTS_DEFINITION, Authorization.ANY, Permissions.ALL);
            grant(Groups.ANALYSTS, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.READ);
            grant(Groups.ANALYSTS, Resources.TASK, Authorization.ANY, Permissions.READ);
        }
        // no grant at all: a scraper reaches /actuator/prometheus through Spring Security, nothing of the engine
        createGroup(Groups.METRICS, "Métriques (metrics) : Prometheus");
        // at every start, so databases made before a change of these grants and revocations get it too
        for (String key : ENGINE_STEERED_PROCESSES) {
            revoke(Groups.OPS, key, Stream.concat(STEERING.stream(), VARIABLES.stream()).toList());
            revoke(Groups.ANALYSTS, key, VARIABLES);
        }
        withdrawFromGrant(Groups.OPS, Resources.PROCESS_INSTANCE, Permissions.UPDATE);
        addToGrant(Groups.OPS, Resources.PROCESS_DEFINITION, Permissions.UPDATE_INSTANCE);
        withdrawFromGrant(Groups.ANALYSTS, Resources.DEPLOYMENT, Permissions.DELETE);
        decisionsForDelegates(Groups.OPS);
    }

    /**
     * Revokes {@code permissions} on one process definition key for a group (engine.enforceSpecificVariablePermission is
     * on, so variables have their own): what a charge or a collections case does is decided by rules over the database,
     * and people act through their tasks. A group's revoke outweighs its grant on every definition.
     */
    private void revoke(String groupId, String key, List<Permission> permissions) {
        Authorization revoke = authorizations.createAuthorizationQuery().groupIdIn(groupId)
                .resourceType(Resources.PROCESS_DEFINITION).resourceId(key).unlimitedList().stream()   // a grant and a revoke at most
                .filter(existing -> existing.getAuthorizationType() == Authorization.AUTH_TYPE_REVOKE)
                .findFirst()
                .orElseGet(() -> {
                    Authorization created = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
                    created.setGroupId(groupId);
                    created.setResource(Resources.PROCESS_DEFINITION);
                    created.setResourceId(key);
                    return created;
                });
        permissions.forEach(revoke::removePermission);
        authorizations.saveAuthorization(revoke);
    }

    /** Takes a permission out of a group's grant on every resource of a type (databases granted it before). */
    private void withdrawFromGrant(String groupId, Resource resource, Permission permission) {
        anyGrant(groupId, resource).forEach(grant -> {
            grant.removePermission(permission);
            authorizations.saveAuthorization(grant);
        });
    }

    private void addToGrant(String groupId, Resource resource, Permission permission) {
        anyGrant(groupId, resource).forEach(grant -> {
            grant.addPermission(permission);
            authorizations.saveAuthorization(grant);
        });
    }

    private List<Authorization> anyGrant(String groupId, Resource resource) {
        return authorizations.createAuthorizationQuery().groupIdIn(groupId).resourceType(resource).resourceId(Authorization.ANY)
                .authorizationType(Authorization.AUTH_TYPE_GRANT).unlimitedList();   // one row per group and resource type
    }

    /**
     * Delegates run with the authorizations of the user whose request runs them (authorizationEnabledForCustomCode): when
     * ops complete a task, the delegates after it evaluate the analysts' DMN tables as ops. Decisions are pure functions.
     */
    private void decisionsForDelegates(String groupId) {
        Authorization grant = authorizations.createAuthorizationQuery().groupIdIn(groupId)
                .resourceType(Resources.DECISION_DEFINITION).resourceId(Authorization.ANY).unlimitedList().stream()
                .filter(existing -> existing.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT)
                .findFirst()
                .orElseGet(() -> {
                    Authorization created = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                    created.setGroupId(groupId);
                    created.setResource(Resources.DECISION_DEFINITION);
                    created.setResourceId(Authorization.ANY);
                    return created;
                });
        if (!grant.isPermissionGranted(Permissions.READ) || !grant.isPermissionGranted(Permissions.CREATE_INSTANCE)) {
            grant.addPermission(Permissions.READ);
            grant.addPermission(Permissions.CREATE_INSTANCE);
            authorizations.saveAuthorization(grant);
        }
    }

    private boolean createGroup(String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() > 0) {
            return false;
        }
        Group group = identity.newGroup(id);
        group.setName(name);
        group.setType("WORKFLOW");
        identity.saveGroup(group);
        return true;
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(groupId);
        grant.setResource(resource);
        grant.setResourceId(resourceId);
        for (Permission permission : permissions) {
            grant.addPermission(permission);
        }
        authorizations.saveAuthorization(grant);
    }
}
