package ca.gigafibre.automation.adapter.notify;

import ca.gigafibre.automation.adapter.ExternalSystemUnavailable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Customer notifications by e-mail through the configured SMTP server ({@code spring.mail.*}; the demo and the tests
 * use an in-process GreenMail server). A refused or unreachable server is {@link ExternalSystemUnavailable}: the job
 * retries, then an incident.
 */
@Component
public class EmailNotifier {

    private final ObjectProvider<JavaMailSender> mail;
    private final String from;

    public EmailNotifier(ObjectProvider<JavaMailSender> mail, NotifySettings notify) {
        this.mail = mail;
        this.from = notify.emailFrom();
    }

    /** False when no SMTP server is configured ({@code spring.mail.host}): customers are then reached by text message. */
    public boolean available() {
        return mail.getIfAvailable() != null;
    }

    public void send(String to, String subject, String text) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(subject);
        message.setText(text);
        try {
            mail.getObject().send(message);
        } catch (MailException e) {
            throw new ExternalSystemUnavailable("smtp", "send", e.getClass().getSimpleName(), e);
        }
    }
}
