package ca.gigafibre.automation.adapter.fake;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** With the fakes on and no {@code spring.mail.host} of its own, customer e-mail goes to the in-process SMTP server. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "automation.fakes.enabled", havingValue = "true")
class FakeMailSenderConfiguration {

    @Bean
    @ConditionalOnProperty(name = "spring.mail.host", matchIfMissing = true, havingValue = "__never__")
    JavaMailSender fakeMailSender(FakeMailServer server) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(server.port());
        sender.setDefaultEncoding("UTF-8");
        return sender;
    }
}
