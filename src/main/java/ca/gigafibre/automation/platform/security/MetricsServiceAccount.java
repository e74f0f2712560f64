package ca.gigafibre.automation.platform.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
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
    private final String userId;
    private final String password;

    public MetricsServiceAccount(IdentityService identity, @Value("${automation.metrics.user:}") String userId,
                                 @Value("${automation.metrics.password:}") String password) {
        this.identity = identity;
        this.userId = userId;
        this.password = password;
    }

    @Override
    public void afterPropertiesSet() {
        if (userId.isBlank()) {
            return;
        }
        if (password.isBlank()) {
            throw new IllegalStateException("AUTOMATION_METRICS_USER is set but AUTOMATION_METRICS_PASSWORD is empty");
        }
        if (identity.createUserQuery().userId(userId).count() > 0) {
            return;
        }
        User user = identity.newUser(userId);
        user.setFirstName("Prometheus");
        user.setLastName("Métriques");
        user.setPassword(password);
        identity.saveUser(user);
        identity.createMembership(userId, Groups.METRICS);
        log.info("Created metrics service account '{}' (group {})", userId, Groups.METRICS);
    }
}
