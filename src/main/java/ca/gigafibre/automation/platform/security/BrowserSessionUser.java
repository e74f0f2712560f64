package ca.gigafibre.automation.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationProvider;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * The user a browser is logged in as, for the engine's own pages ({@code /assistant}) and the {@code /api} calls they
 * make: the webapps' login (Tasklist's form: Camunda's session) or, with SSO on, the identity provider's login (Spring
 * Security's session). No login of its own. The groups are read from Camunda's identity service at every request, so a
 * membership removed in Admin counts at once and a deleted user is logged out. A request with an {@code Authorization}
 * header (HTTP Basic, bearer token) proves itself and is not looked at; nothing is written to the session.
 */
final class BrowserSessionUser extends AbstractPreAuthenticatedProcessingFilter {

    private final String engineName;

    BrowserSessionUser(ProcessEngine engine) {
        this.engineName = engine.getName();
        PreAuthenticatedAuthenticationProvider provider = new PreAuthenticatedAuthenticationProvider();
        provider.setPreAuthenticatedUserDetailsService(token -> withGroups(engine, token.getName()));
        setAuthenticationManager(new ProviderManager(provider));
        setSecurityContextRepository(new RequestAttributeSecurityContextRepository());
    }

    @Override
    protected Object getPreAuthenticatedPrincipal(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null || session == null) {
            return null;
        }
        return providerLogin(session).or(() -> webappLogin(session)).orElse(null);
    }

    @Override
    protected Object getPreAuthenticatedCredentials(HttpServletRequest request) {
        return "session";
    }

    /** True when the request would be authenticated by its browser session (so it needs a CSRF token). */
    static boolean bySession(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.AUTHORIZATION) == null && request.getSession(false) != null;
    }

    private static Optional<String> providerLogin(HttpSession session) {
        if (session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) instanceof SecurityContext context) {
            Authentication login = context.getAuthentication();
            if (login != null && login.isAuthenticated()) {
                return Optional.of(login.getName());
            }
        }
        return Optional.empty();
    }

    private Optional<String> webappLogin(HttpSession session) {
        if (session.getAttribute("authenticatedUser") == null) {   // Camunda's key; read without creating it
            return Optional.empty();
        }
        return Optional.ofNullable(AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(engineName))
                .filter(UserAuthentication.class::isInstance)
                .map(login -> login.getIdentityId());
    }

    private static UserDetails withGroups(ProcessEngine engine, String userId) {
        if (engine.getIdentityService().createUserQuery().userId(userId).count() == 0) {
            throw new UsernameNotFoundException("No such user any more");
        }
        String[] authorities = engine.getIdentityService().createGroupQuery().groupMember(userId).unlimitedList().stream()
                .map(group -> Groups.authority(group.getId()))
                .toArray(String[]::new);
        return User.withUsername(userId).password("").authorities(authorities).build();
    }
}
