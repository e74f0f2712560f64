package ca.gigafibre.automation.platform.security;

import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * A member of {@link Groups#METRICS} and of no staff group is a scraper: signed in, yet everything but
 * {@code /actuator/prometheus} is closed to it — including the engine REST, where any signed-in user passes Spring
 * and Camunda's authorizations decide (a scraper's credentials sit in a Prometheus config, not in a person's head).
 */
final class MetricsAccounts {

    private static final Set<String> STAFF = Set.of(Groups.authority(Groups.ADMINS), Groups.authority(Groups.OPS),
            Groups.authority(Groups.ANALYSTS));

    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    /** Signed in and not a scraper. */
    static final AuthorizationManager<RequestAuthorizationContext> NOT_ONLY_METRICS = MetricsAccounts::decide;

    private MetricsAccounts() {
    }

    private static AuthorizationDecision decide(Supplier<Authentication> who, RequestAuthorizationContext request) {
        Authentication authentication = who.get();
        if (!TRUST.isAuthenticated(authentication)) {
            return new AuthorizationDecision(false);
        }
        Set<String> groups = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        boolean scraperOnly = groups.contains(Groups.authority(Groups.METRICS)) && groups.stream().noneMatch(STAFF::contains);
        return new AuthorizationDecision(!scraperOnly);
    }
}
