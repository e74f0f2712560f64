package ca.gigafibre.automation.demo;

import ca.gigafibre.automation.platform.security.Groups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: users {@code ops} (group ops), {@code analyst} (group analysts) and {@code metrics} (group metrics:
 * scrapes {@code /actuator/prometheus}, nothing else), password {@code demo}. The
 * groups and their grants come from {@code GroupAuthorizations}; the admin from {@code automation.bootstrap-admin}.
 */
@Component
@Profile("demo")
@DependsOn("groupAuthorizations")
public class DemoUsers implements InitializingBean {

    public static final String PASSWORD = "demo";
    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    private final IdentityService identity;

    public DemoUsers(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public void afterPropertiesSet() {
        createUser("ops", "Olivia", "Opérations", Groups.OPS);
        createUser("analyst", "André", "Analyste", Groups.ANALYSTS);
        createUser("metrics", "Prometheus", "Métriques", Groups.METRICS);
    }

    private void createUser(String id, String first, String last, String groupId) {
        if (identity.createUserQuery().userId(id).count() > 0) {
            return;
        }
        User user = identity.newUser(id);
        user.setFirstName(first);
        user.setLastName(last);
        user.setEmail(id + "@demo.gigafibre.ca");
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        identity.createMembership(id, groupId);
        log.info("Demo user '{}' (group {}) created, password '{}'", id, groupId, PASSWORD);
    }
}
