package ca.gigafibre.automation.platform.security.login;

import ca.gigafibre.automation.platform.error.ProblemResponses;
import ca.gigafibre.automation.platform.security.SecuritySettings;
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
    FilterRegistrationBean<LoginThrottleFilter> loginThrottle(SecuritySettings security, ProblemResponses problems) {
        LoginThrottle throttle = new LoginThrottle(security.clientMaxFailures(), security.lockoutDuration());
        FilterRegistrationBean<LoginThrottleFilter> registration = new FilterRegistrationBean<>(new LoginThrottleFilter(throttle, problems));
        registration.setName("login-throttle");
        registration.addUrlPatterns("/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }
}
