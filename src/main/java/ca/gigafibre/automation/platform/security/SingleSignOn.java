package ca.gigafibre.automation.platform.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.util.function.SingletonSupplier;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;

/**
 * Staff SSO, on when {@code automation.security.oidc.issuer-uri} is set: the webapps log in through the identity
 * provider (authorization code flow), {@code /api} and {@code /engine-rest} accept its bearer tokens next to HTTP Basic
 * service accounts. The provider is asked for its keys and endpoints on first use, not at start-up, so the engine
 * starts (and keeps serving service accounts) while the provider is down.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${automation.security.oidc.issuer-uri:}'.isBlank()")
public class SingleSignOn {

    /** The registration id in login URLs: {@code /oauth2/authorization/sso}, {@code /login/oauth2/code/sso}. */
    public static final String REGISTRATION = "sso";

    private final OidcProperties properties;
    private final IdentityProviderGroups groups;
    private final SsoUsers users;
    private final IdentityService identity;

    public SingleSignOn(OidcProperties properties, IdentityService identity) {
        this.properties = properties;
        this.groups = new IdentityProviderGroups(properties);
        this.users = new SsoUsers(identity);
        this.identity = identity;
    }

    @Bean
    ClientRegistrationRepository ssoClientRegistrations() {
        SingletonSupplier<ClientRegistration> registration = SingletonSupplier.of(() ->
                ClientRegistrations.fromIssuerLocation(properties.issuerUri())
                        .registrationId(REGISTRATION)
                        .clientId(properties.clientId())
                        .clientSecret(properties.clientSecret())
                        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                        .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                        .scope("openid", "profile", "email")
                        .userNameAttributeName(properties.usernameClaim())
                        .build());
        return registrationId -> REGISTRATION.equals(registrationId) ? registration.obtain() : null;
    }

    @Bean
    JwtDecoder ssoBearerTokens() {
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = (NimbusJwtDecoder) JwtDecoders.fromIssuerLocation(properties.issuerUri());
            List<OAuth2TokenValidator<Jwt>> checks = new ArrayList<>();
            checks.add(JwtValidators.createDefaultWithIssuer(properties.issuerUri()));
            checks.add(new JwtClaimValidator<java.time.Instant>("exp", java.util.Objects::nonNull));   // no token lives forever
            if (properties.audience() != null && !properties.audience().isBlank()) {
                checks.add(new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(properties.audience())));
            }
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(checks));
            return decoder;
        });
    }

    /** Bearer tokens on a stateless chain ({@code /api}, {@code /engine-rest}): the user and groups come from the token. */
    void acceptBearerTokens(HttpSecurity http, JwtDecoder decoder, AuthenticationEntryPoint unauthorized) throws Exception {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setPrincipalClaimName(properties.usernameClaim());
        converter.setJwtGrantedAuthoritiesConverter(jwt -> new ArrayList<>(groups.authorities(jwt.getClaims())));
        http.oauth2ResourceServer(server -> server
                .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(new LocalAccountTokens(converter, identity)))
                .authenticationEntryPoint(unauthorized));
    }

    /** Webapp login through the provider; the groups come from the ID token (or user info). */
    void logInThroughProvider(HttpSecurity http) throws Exception {
        SavedRequestAwareAuthenticationSuccessHandler backToThePage = new SavedRequestAwareAuthenticationSuccessHandler();
        // straight to the provider: there is no other way in, so no page to choose one
        http.oauth2Login(login -> login.loginPage("/oauth2/authorization/" + REGISTRATION)
                .userInfoEndpoint(info -> info.userAuthoritiesMapper(groupsOfProvider()))
                .successHandler((request, response, authentication) -> {
                    try {
                        users.mirror(authentication);
                    } catch (org.springframework.security.access.AccessDeniedException refused) {
                        request.getSession().invalidate();
                        response.sendError(403, "This user id belongs to a local account");
                        return;
                    }
                    backToThePage.onAuthenticationSuccess(request, response, authentication);
                }));
    }

    private GrantedAuthoritiesMapper groupsOfProvider() {
        return authorities -> {
            List<GrantedAuthority> mapped = new ArrayList<>();
            for (GrantedAuthority authority : authorities) {
                if (authority instanceof OidcUserAuthority oidc) {
                    mapped.addAll(groups.authorities(oidc.getAttributes()));
                }
            }
            return mapped;
        };
    }

    /** Tasklist, Cockpit and Admin take the user Spring Security logged in, instead of their own login form. */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappsContainerAuthentication() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setName("camunda-webapps-sso");
        registration.addInitParameter("authentication-provider", SpringSecurityUser.class.getName());
        registration.addUrlPatterns("/camunda/*");
        // after Spring Security (which logs the user in), before the webapps' own session filter
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }
}
