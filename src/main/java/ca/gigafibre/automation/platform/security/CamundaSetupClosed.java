package ca.gigafibre.automation.platform.security;

import ca.gigafibre.automation.platform.error.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda Admin's initial-user setup ({@code /camunda/app/admin/{engine}/setup/}, {@code /camunda/api/admin/setup/…})
 * lets anyone who reaches the webapps create an administrator while the group {@code camunda-admin} has no member —
 * a production start without {@code AUTOMATION_ADMIN_USER}, or after its membership was removed. It is closed here in
 * every profile: administrators come from {@code AUTOMATION_ADMIN_USER} ({@link BootstrapAdmin}) or Camunda Admin.
 * The path is the one the container decoded and normalized (servlet path + path info), as the webapps route it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class CamundaSetupClosed {

    private static final Pattern SETUP = Pattern.compile("/camunda/(api/admin/setup(/.*)?|app/admin/[^/]*/setup(/.*)?)",
            Pattern.CASE_INSENSITIVE);

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> camundaSetupClosedFilter(ProblemResponses problems) {
        OncePerRequestFilter closed = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String path = Objects.toString(request.getServletPath(), "") + Objects.toString(request.getPathInfo(), "");
                if (SETUP.matcher(path).matches()) {
                    problems.write(response, HttpStatus.NOT_FOUND, "Not found",
                            "Camunda's initial-user setup is closed: administrators come from AUTOMATION_ADMIN_USER or Camunda Admin.");
                    return;
                }
                chain.doFilter(request, response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(closed);
        registration.setName("camunda-setup-closed");
        registration.addUrlPatterns("/camunda/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
