package ca.gigafibre.automation.platform.security;

import ca.gigafibre.automation.platform.error.ProblemResponses;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what.
 * <ul>
 *   <li>{@code /api/**}: HTTP Basic against Camunda's users (stateless, no CSRF: no browser session).</li>
 *   <li>{@code /engine-rest/**}: Camunda's own Basic filter, so engine authorizations apply to the caller.</li>
 *   <li>{@code /camunda/**}: the webapps, with their own login, session and CSRF protection.</li>
 *   <li>health and prometheus are open to probes and scrapers; other actuator endpoints need an admin.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemResponses problems) throws Exception {
        http.securityMatcher("/api/**", "/actuator/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        // the authorization matrix (README): anonymous only for probes and signed webhooks; everyone in a
                        // group reads; analysts reload rules; ops and admins change money and service state; admins the rest
                        .requestMatchers("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/webhooks/*").permitAll()
                        .requestMatchers("/actuator/**").hasAuthority(Groups.authority(Groups.ADMINS))
                        .requestMatchers("/api/admin/rules/**").hasAnyAuthority(
                                Groups.authority(Groups.ADMINS), Groups.authority(Groups.ANALYSTS))
                        .requestMatchers("/api/admin/**").hasAuthority(Groups.authority(Groups.ADMINS))
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAnyAuthority(Groups.authority(Groups.OPS),
                                Groups.authority(Groups.ANALYSTS), Groups.authority(Groups.ADMINS))
                        .requestMatchers("/api/**").hasAnyAuthority(Groups.authority(Groups.OPS), Groups.authority(Groups.ADMINS))
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"gigafibre\"");
                    problems.write(response, HttpStatus.UNAUTHORIZED, "Authentication required",
                            "Log in with HTTP Basic as a Camunda user.");
                }))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) ->
                        problems.write(response, HttpStatus.FORBIDDEN, "Forbidden",
                                "Your groups do not allow " + request.getMethod() + " " + request.getRequestURI() + ".")));
        return http.build();
    }

    /** A URL the firewall refuses (encoded slash, "..", NUL) is a 400 problem, like any bad request. */
    @Bean
    org.springframework.security.web.firewall.RequestRejectedHandler requestRejectedHandler(ProblemResponses problems) {
        return (request, response, rejected) -> problems.write(response, HttpStatus.BAD_REQUEST, "Bad request",
                "The request URL is not allowed.");
    }

    /** Webapps, engine REST and docs: Spring Security stays out of their way; they guard themselves. */
    @Bean
    @Order(2)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
        return http.build();
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-engine-rest-auth");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }
}
