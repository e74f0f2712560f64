package ca.gigafibre.automation.platform.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Creates the first administrator from {@code automation.bootstrap-admin.id/password} (in production the
 * environment variables AUTOMATION_ADMIN_USER / AUTOMATION_ADMIN_PASSWORD) when that user does not exist yet.
 * Without them no user is created: an operator creates users in Camunda Admin.
 */
@Component
public class BootstrapAdmin implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final BootstrapAdminSettings admin;

    public BootstrapAdmin(IdentityService identity, AuthorizationService authorizations, BootstrapAdminSettings admin) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.admin = admin;
    }

    @Override
    public void afterPropertiesSet() {
        ensureAdminsGroup();
        if (!admin.configured()) {
            log.info("No bootstrap administrator configured (AUTOMATION_ADMIN_USER); users are managed in Camunda Admin");
            return;
        }
        if (identity.createUserQuery().userId(admin.id()).count() == 0) {   // a password is there: BootstrapAdminSettings checks it
            User user = identity.newUser(admin.id());
            user.setFirstName("Administrator");
            user.setLastName("Gigafibre");
            user.setPassword(admin.password());
            identity.saveUser(user);
            identity.createMembership(admin.id(), Groups.ADMINS);
            log.info("Created administrator '{}' (group {})", admin.id(), Groups.ADMINS);
        }
    }

    /** camunda-admin gets every permission on every resource, as Camunda's own admin bootstrap does. */
    private void ensureAdminsGroup() {
        if (identity.createGroupQuery().groupId(Groups.ADMINS).count() > 0) {
            return;
        }
        Group group = identity.newGroup(Groups.ADMINS);
        group.setName("Administrators");
        group.setType("SYSTEM");
        identity.saveGroup(group);
        for (Resource resource : Resources.values()) {
            Authorization all = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            all.setGroupId(Groups.ADMINS);
            all.setResource(resource);
            all.setResourceId(Authorization.ANY);
            all.addPermission(Permissions.ALL);
            authorizations.saveAuthorization(all);
        }
    }
}
