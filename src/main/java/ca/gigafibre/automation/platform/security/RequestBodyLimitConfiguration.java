package ca.gigafibre.automation.platform.security;

import ca.gigafibre.automation.platform.error.ProblemResponses;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** {@link RequestBodyLimit} before anything else that might read a body (security, webhooks, the engine REST). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class RequestBodyLimitConfiguration {

    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(ProblemResponses problems, SecuritySettings security) {
        FilterRegistrationBean<RequestBodyLimit> registration =
                new FilterRegistrationBean<>(new RequestBodyLimit(problems, security.maxWebhookBody(), security.maxRequestBody()));
        registration.setName("request-body-limit");
        registration.addUrlPatterns("/api/*", "/engine-rest/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
