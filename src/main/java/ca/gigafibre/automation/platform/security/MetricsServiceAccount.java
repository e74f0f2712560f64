package ca.gigafibre.automation.platform.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;

/**
 * The account Prometheus scrapes with ({@code AUTOMATION_METRICS_USER} / {@code AUTOMATION_METRICS_PASSWORD}): created
 * once in group {@link Groups#METRICS}, which opens {@code /actuator/prometheus} and nothing else. Its password is then
 * kept in Camunda Admin, like the bootstrap administrator's.
 */
@Component
@DependsOn("groupAuthorizations")
public class MetricsServiceAccount implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(MetricsServiceAccount.class);

    private final IdentityService identity;
    private final MetricsAccountSettings account;

    public MetricsServiceAccount(IdentityService identity, MetricsAccountSettings account) {
        this.identity = identity;
        this.account = account;
    }

    @Override
    public void afterPropertiesSet() {
        if (!account.configured() || identity.createUserQuery().userId(account.user()).count() > 0) {
            return;   // a configured user has a password: MetricsAccountSettings checks it
        }
        User user = identity.newUser(account.user());
        user.setFirstName("Prometheus");
        user.setLastName("Métriques");
        user.setPassword(account.password());
        identity.saveUser(user);
        identity.createMembership(account.user(), Groups.METRICS);
        log.info("Created metrics service account '{}' (group {})", account.user(), Groups.METRICS);
    }
}
