package ca.gigafibre.automation.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Hands the user Spring Security authenticated (HTTP Basic, bearer token or SSO login) to Camunda, with the groups
 * the authentication carries, so engine authorizations apply to that user. Used by the engine REST filter and, with
 * SSO on, by the webapps' container-based authentication.
 */
public class SpringSecurityUser implements AuthenticationProvider {

    private static final String GROUP_PREFIX = Groups.authority("");

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || authentication instanceof AnonymousAuthenticationToken) {
            return AuthenticationResult.unsuccessful();
        }
        AuthenticationResult result = AuthenticationResult.successful(authentication.getName());
        result.setGroups(groups(authentication));
        result.setTenants(List.of());
        return result;
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        // Spring Security answers unauthenticated callers before Camunda sees them
    }

    static List<String> groups(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .map(Object::toString)
                .filter(authority -> authority.startsWith(GROUP_PREFIX))
                .map(authority -> authority.substring(GROUP_PREFIX.length()))
                .toList();
    }
}
