package ca.gigafibre.automation.platform.security.login;

import ca.gigafibre.automation.platform.error.ProblemResponses;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The per-client login throttle, in front of Spring Security and the webapps (which check the passwords). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class LoginThrottleConfiguration {

    @Bean
    FilterRegistrationBean<LoginThrottleFilter> loginThrottle(
            @Value("${automation.security.client-max-failures:20}") int maxFailures,
            @Value("${automation.security.lockout-duration:PT15M}") Duration window,
            ProblemResponses problems) {
        if (maxFailures < 1) {
            throw new IllegalStateException("automation.security.client-max-failures must be at least 1, is " + maxFailures);
        }
        FilterRegistrationBean<LoginThrottleFilter> registration =
                new FilterRegistrationBean<>(new LoginThrottleFilter(new LoginThrottle(maxFailures, window), problems));
        registration.setName("login-throttle");
        registration.addUrlPatterns("/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }
}
