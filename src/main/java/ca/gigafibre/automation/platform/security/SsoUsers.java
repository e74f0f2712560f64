package ca.gigafibre.automation.platform.security;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Mirrors a user who logged in through the identity provider into Camunda's identity tables: the webapps only accept
 * users Camunda knows, and Tasklist shows their name. Their engine groups follow the provider's at every login; the
 * password is random and never given out, so these users come in through SSO only.
 */
class SsoUsers {

    private static final Logger log = LoggerFactory.getLogger(SsoUsers.class);
    private static final List<String> ENGINE_GROUPS = List.of(Groups.OPS, Groups.ANALYSTS, Groups.ADMINS);

    private final IdentityService identity;

    SsoUsers(IdentityService identity) {
        this.identity = identity;
    }

    void mirror(Authentication login) {
        String userId = login.getName();
        ensureSsoGroup();
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            user = identity.newUser(userId);
            user.setPassword(UUID.randomUUID() + "-" + UUID.randomUUID());
            identity.saveUser(user);
            identity.createMembership(userId, Groups.SSO_USERS);
        } else if (isLocalAccount(identity, userId)) {
            // a local account (the bootstrap admin, a service account) is never taken over by a provider user of that name
            log.warn("SSO login of '{}' refused: a local Camunda account has that id", userId);
            throw new org.springframework.security.access.AccessDeniedException("A local account has the id " + userId);
        }
        if (login.getPrincipal() instanceof OidcUser oidc) {
            user.setFirstName(oidc.getGivenName());
            user.setLastName(oidc.getFamilyName());
            user.setEmail(oidc.getEmail());
        }
        identity.saveUser(user);
        Set<String> granted = Set.copyOf(SpringSecurityUser.groups(login));
        for (String group : ENGINE_GROUPS) {
            // only the engine's role groups follow the provider; other Camunda groups are managed in Camunda Admin
            boolean member = identity.createUserQuery().userId(userId).memberOfGroup(group).count() > 0;
            if (granted.contains(group) && !member) {
                identity.createMembership(userId, group);
            } else if (!granted.contains(group) && member) {
                identity.deleteMembership(userId, group);
            }
        }
        log.info("SSO login of '{}' with engine groups {}", userId, granted);
    }

    /** A Camunda user that did not come from the identity provider: never to be acted as by a provider user. */
    static boolean isLocalAccount(IdentityService identity, String userId) {
        return identity.createUserQuery().userId(userId).count() > 0
                && identity.createUserQuery().userId(userId).memberOfGroup(Groups.SSO_USERS).count() == 0;
    }

    private void ensureSsoGroup() {
        if (identity.createGroupQuery().groupId(Groups.SSO_USERS).count() == 0) {
            org.camunda.bpm.engine.identity.Group group = identity.newGroup(Groups.SSO_USERS);
            group.setName("Utilisateurs SSO / SSO users");
            group.setType("SYSTEM");
            identity.saveGroup(group);
        }
    }
}
