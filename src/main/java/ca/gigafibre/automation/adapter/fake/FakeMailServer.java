package ca.gigafibre.automation.adapter.fake;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * A real SMTP server (GreenMail) in the process, for the demo and the tests: customer e-mail is really sent over SMTP
 * and can be read back. Port {@code automation.fakes.smtp-port} (0: any free port). Never in production.
 */
@Component
@ConditionalOnProperty(name = "automation.fakes.enabled", havingValue = "true")
public class FakeMailServer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(FakeMailServer.class);

    private final GreenMail server;

    public FakeMailServer(FakesSettings fakes) {
        int port = fakes.smtpPort();
        ServerSetup smtp = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        this.server = new GreenMail(port == 0 ? smtp.dynamicPort() : smtp);
        server.start();
        log.info("Fake SMTP server (GreenMail) on smtp://127.0.0.1:{}", port());
    }

    public int port() {
        return server.getSmtp().getPort();
    }

    /** Every message received since the last {@link #reset()}. */
    public List<MimeMessage> received() {
        return List.of(server.getReceivedMessages());
    }

    public void reset() {
        try {
            server.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException("Could not empty the fake mailboxes", e);
        }
    }

    @Override
    public void destroy() {
        server.stop();
    }
}
