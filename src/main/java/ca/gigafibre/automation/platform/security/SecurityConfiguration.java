package ca.gigafibre.automation.platform.security;

import ca.gigafibre.automation.platform.error.ProblemResponses;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what.
 * <ul>
 *   <li>{@code /api/**}, {@code /engine-rest/**}, {@code /actuator/**}, API docs: HTTP Basic against Camunda's users and,
 *   with SSO on, the identity provider's bearer tokens (stateless, no CSRF). On {@code /api} a browser logged in to the
 *   webapps (or through SSO) is taken too, for the engine's own pages ({@link BrowserSessionUser}); its changes need
 *   Spring Security's CSRF token. On the engine REST the caller is then handed to Camunda ({@link SpringSecurityUser}),
 *   so engine authorizations apply.</li>
 *   <li>{@code /assistant}: the assistant's page, for the user logged in to the webapps or through SSO
 *   ({@link #browserPages}).</li>
 *   <li>{@code /camunda/**}: the webapps, with their own login form, session and CSRF protection; with SSO on, login
 *   through the identity provider instead ({@link SingleSignOn}).</li>
 *   <li>anonymous callers reach only the probes (health status without details) and the signed webhooks.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemResponses problems, ObjectProvider<SingleSignOn> sso,
                                    ObjectProvider<JwtDecoder> bearerTokens, ProcessEngine engine) throws Exception {
        SingleSignOn singleSignOn = sso.getIfAvailable();
        String howToLogIn = singleSignOn == null ? "Log in with HTTP Basic as a Camunda user."
                : "Send a bearer token of the identity provider, or log in with HTTP Basic as a service account.";
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"gigafibre\"");
            problems.write(response, HttpStatus.UNAUTHORIZED, "Authentication required", howToLogIn);
        };
        // path patterns on the whole path: the engine REST is not a Spring MVC servlet
        http.securityMatcher(anyPath("/api/**", "/actuator/**", "/engine-rest/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html"))
                // only a call the browser session authenticates can be forged by another site
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(request ->
                                !SAFE_METHODS.contains(request.getMethod()) && BrowserSessionUser.bySession(request))
                        // nobody logs in here: a call the session authenticates keeps the session's token
                        .sessionAuthenticationStrategy((authentication, request, response) -> { }))
                .addFilterAfter(new BrowserSessionUser(engine), BasicAuthenticationFilter.class)
                // ... and its session id (only a login renews it)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS).sessionFixation(fixation -> fixation.none()))
                .authorizeHttpRequests(auth -> auth
                        // the authorization matrix (README): anonymous only for probes and signed webhooks; everyone in a
                        // group reads; analysts reload rules; ops and admins change money and service state; admins the rest
                        .requestMatchers("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/webhooks/*").permitAll()
                        // Prometheus scrapes as a member of metrics, which opens nothing else
                        .requestMatchers(HttpMethod.GET, "/actuator/prometheus").hasAnyAuthority(
                                Groups.authority(Groups.ADMINS), Groups.authority(Groups.METRICS))
                        .requestMatchers("/actuator/**").hasAuthority(Groups.authority(Groups.ADMINS))
                        .requestMatchers("/api/admin/rules/**", "/api/rules/**").hasAnyAuthority(
                                Groups.authority(Groups.ADMINS), Groups.authority(Groups.ANALYSTS))
                        // analysts' tools on the rules (what-if replay): they change nothing
                        .requestMatchers("/api/rules/**").hasAnyAuthority(
                                Groups.authority(Groups.ADMINS), Groups.authority(Groups.ANALYSTS))
                        .requestMatchers("/api/admin/**").hasAuthority(Groups.authority(Groups.ADMINS))
                        // ERPNext ledger differences are for the people who correct them
                        .requestMatchers(HttpMethod.GET, "/api/reports/erp-drift").hasAnyAuthority(Groups.authority(Groups.OPS),
                                Groups.authority(Groups.ADMINS))
                        // the assistant: everyone in a group may ask (reads are answered, changes only proposed) and cancel
                        // their own proposal; confirming a change is for ops and admins (the catch-all POST rule below)
                        .requestMatchers(HttpMethod.POST, "/api/assistant/commands").hasAnyAuthority(Groups.authority(Groups.OPS),
                                Groups.authority(Groups.ANALYSTS), Groups.authority(Groups.ADMINS))
                        .requestMatchers(HttpMethod.DELETE, "/api/assistant/commands/*").hasAnyAuthority(Groups.authority(Groups.OPS),
                                Groups.authority(Groups.ANALYSTS), Groups.authority(Groups.ADMINS))
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAnyAuthority(Groups.authority(Groups.OPS),
                                Groups.authority(Groups.ANALYSTS), Groups.authority(Groups.ADMINS))
                        .requestMatchers("/api/**").hasAnyAuthority(Groups.authority(Groups.OPS), Groups.authority(Groups.ADMINS))
                        // the engine REST: Camunda's authorizations decide per resource, for the user handed over below
                        .requestMatchers(anyPath("/engine-rest/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html"))
                                .access(MetricsAccounts.NOT_ONLY_METRICS)
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) ->
                        problems.write(response, HttpStatus.FORBIDDEN, "Forbidden", e instanceof CsrfException
                                ? "A change from a browser session needs its CSRF token (header X-CSRF-TOKEN)."
                                : "Your groups do not allow " + request.getMethod() + " " + request.getRequestURI() + ".")));
        if (singleSignOn != null) {
            singleSignOn.acceptBearerTokens(http, bearerTokens.getObject(), unauthorized);
        }
        return http.build();
    }

    private static final java.util.Set<String> SAFE_METHODS = java.util.Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /**
     * The engine's own pages (the assistant): static files for anyone (they hold no data); {@code /assistant/session}
     * tells the page who is logged in — through the webapps' login, the same session as Tasklist — and hands it the CSRF
     * token its changes on {@code /api} need. With SSO on, the pages need the identity provider's login, as the webapps.
     */
    @Bean
    @Order(1)   // before the webapps' chain, which takes every other path
    SecurityFilterChain browserPages(HttpSecurity http, ProblemResponses problems, ObjectProvider<SingleSignOn> sso,
                                     ProcessEngine engine) throws Exception {
        http.securityMatcher(anyPath("/assistant", "/assistant/**"))
                .addFilterAfter(new BrowserSessionUser(engine), BasicAuthenticationFilter.class);
        SingleSignOn singleSignOn = sso.getIfAvailable();
        if (singleSignOn == null) {
            // the page logs in through the webapps' login form (Camunda's), then asks again
            http.authorizeHttpRequests(auth -> auth.requestMatchers(anyPath("/assistant/session")).authenticated()
                            .anyRequest().permitAll())
                    .requestCache(cache -> cache.requestCache(new NullRequestCache()))   // no session for an anonymous visit
                    .exceptionHandling(ex -> ex.authenticationEntryPoint((request, response, e) ->
                            problems.write(response, HttpStatus.UNAUTHORIZED, "Authentication required", "Log in first.")));
        } else {
            http.authorizeHttpRequests(auth -> auth.anyRequest().authenticated());
            singleSignOn.logInThroughProvider(http);
        }
        return http.build();
    }

    private static RequestMatcher anyPath(String... patterns) {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(java.util.Arrays.stream(patterns).map(paths::matcher).toArray(RequestMatcher[]::new));
    }

    /** A URL the firewall refuses (encoded slash, "..", NUL) is a 400 problem, like any bad request. */
    @Bean
    org.springframework.security.web.firewall.RequestRejectedHandler requestRejectedHandler(ProblemResponses problems) {
        return (request, response, rejected) -> problems.write(response, HttpStatus.BAD_REQUEST, "Bad request",
                "The request URL is not allowed.");
    }

    /**
     * The webapps. Without SSO Spring Security stays out of their way: they have their own login form, session and
     * CSRF protection. With SSO every page needs a login through the identity provider.
     */
    @Bean
    @Order(2)
    SecurityFilterChain webapps(HttpSecurity http, ObjectProvider<SingleSignOn> sso) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
        SingleSignOn singleSignOn = sso.getIfAvailable();
        if (singleSignOn == null) {
            http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
        } else {
            http.authorizeHttpRequests(auth -> auth.requestMatchers("/error").permitAll().anyRequest().authenticated());
            singleSignOn.logInThroughProvider(http);
        }
        return http.build();
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-engine-rest-auth");
        registration.addInitParameter("authentication-provider", SpringSecurityUser.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }
}
