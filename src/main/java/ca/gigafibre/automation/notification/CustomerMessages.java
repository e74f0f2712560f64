package ca.gigafibre.automation.notification;

import ca.gigafibre.automation.adapter.notify.EmailNotifier;
import ca.gigafibre.automation.adapter.notify.SmsNotifier;
import ca.gigafibre.automation.customer.CustomerRepository;
import ca.gigafibre.automation.customer.CustomerRow;
import ca.gigafibre.automation.platform.time.BusinessHours;
import ca.gigafibre.automation.platform.time.BusinessTime;
import ca.gigafibre.automation.workflow.NotNow;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a customer message at most once per natural key (case or invoice + kind + episode), in the customer's language,
 * by the channel they prefer (text message or e-mail) when they can be reached there. The intent is committed in
 * its own transaction before the provider is called; a retried job that finds the key already requested or sent does
 * not send again (an unknown outcome is never resent blindly), and only a send that failed for sure is tried again.
 * Nothing goes out outside the notification window: a job that reaches a send then (a retry at 23:00, a timer fired
 * late) waits for the window's next start ({@link NotNow}) before anything is recorded or sent.
 */
@Service
public class CustomerMessages {

    private static final Logger log = LoggerFactory.getLogger(CustomerMessages.class);

    private final JdbcClient jdbc;
    private final CustomerRepository customers;
    private final SmsNotifier sms;
    private final EmailNotifier email;
    private final TransactionTemplate ownTransaction;
    private final BusinessHours hours;

    public CustomerMessages(JdbcClient jdbc, CustomerRepository customers, SmsNotifier sms, EmailNotifier email,
                            PlatformTransactionManager transactions, BusinessHours hours) {
        this.jdbc = jdbc;
        this.hours = hours;
        this.customers = customers;
        this.sms = sms;
        this.email = email;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** What happened to a message: {@code sentNow} is true only for the call that handed it to the provider. */
    public record Outcome(String naturalKey, String channel, String state, boolean sentNow) {
    }

    /**
     * @param kind what the message is about; it names the e-mail's subject ({@link MessageSubjects})
     * @param text the message in the customer's language, chosen from French and English
     */
    public Outcome send(String naturalKey, long customerId, String kind, Bilingual text) {
        OffsetDateTime now = BusinessTime.now();
        if (!hours.isNotificationTime(now)) {
            throw new NotNow("Message " + naturalKey + " outside the notification window", hours.nextNotificationTime(now));
        }
        CustomerRow customer = customers.find(customerId).orElseThrow();
        String channel = customer.reachableChannel();
        if (channel.equals("email") && !email.available()) {
            channel = customer.textablePhone() != null ? "sms" : "none";
        }
        String previous = claim(naturalKey, customerId, kind, channel, hint(customer, channel));
        if (previous != null) {
            log.info("Message {} not sent again: already {}", naturalKey, previous);
            return new Outcome(naturalKey, channel, previous, false);
        }
        if (channel.equals("none")) {
            finish(naturalKey, "skipped", "no phone that takes text messages and no e-mail address");
            return new Outcome(naturalKey, channel, "skipped", false);
        }
        SmsNotifier.Receipt receipt = null;
        try {
            if (channel.equals("email")) {
                email.send(customer.email(), MessageSubjects.of(kind).in(customer.language()), text.in(customer.language()));
            } else {
                receipt = sms.send(customer.textablePhone(), text.in(customer.language()));
            }
        } catch (RuntimeException e) {
            finish(naturalKey, "failed", e.getMessage());
            throw e;
        }
        sent(naturalKey, receipt);
        return new Outcome(naturalKey, channel, "sent", true);
    }

    /** Records the intent; returns null when this call may send, else the state that forbids it. */
    private String claim(String naturalKey, long customerId, String kind, String channel, String hint) {
        return ownTransaction.execute(tx -> {
            int inserted = jdbc.sql("""
                    INSERT INTO automation.notification (natural_key, customer_id, kind, channel, state, requested_at, recipient_hint)
                    VALUES (:key, :customer, :kind, :channel, 'requested', :now, :hint) ON CONFLICT (natural_key) DO NOTHING
                    """).param("key", naturalKey).param("customer", customerId).param("kind", kind).param("channel", channel)
                    .param("now", BusinessTime.now()).param("hint", hint).update();
            if (inserted == 1) {
                return null;
            }
            // only a send that failed for sure is tried again; the row lock makes two retries race for it safely
            int retried = jdbc.sql("""
                    UPDATE automation.notification SET state = 'requested', requested_at = :now, detail = NULL
                    WHERE natural_key = :key AND state = 'failed'
                    """).param("key", naturalKey).param("now", BusinessTime.now()).update();
            return retried == 1 ? null
                    : jdbc.sql("SELECT state FROM automation.notification WHERE natural_key = :key").param("key", naturalKey)
                            .query(String.class).single();
        });
    }

    /** Enough to tell where it went, not enough to be a contact list: j***@example.com, ***-0100. */
    private static String hint(CustomerRow customer, String channel) {
        if (channel.equals("email")) {
            String address = customer.email();
            int at = address.indexOf('@');
            return at <= 0 ? "***" : address.charAt(0) + "***" + address.substring(at);
        }
        String phone = customer.textablePhone();
        return phone == null || phone.length() < 4 ? null : "***-" + phone.substring(phone.length() - 4);
    }

    /** Sent, with Twilio's sid when texted, so its delivery reports ({@link DeliveryReports}) find this message: one commit. */
    private void sent(String naturalKey, SmsNotifier.Receipt receipt) {
        String sid = receipt == null ? null : receipt.messageSid();
        ownTransaction.executeWithoutResult(tx -> jdbc.sql("""
                UPDATE automation.notification SET state = 'sent', detail = NULL, sent_at = :now,
                    provider_message_id = coalesce(CAST(:sid AS text), provider_message_id),
                    delivery_status = CASE WHEN CAST(:sid AS text) IS NULL THEN delivery_status ELSE coalesce(delivery_status, :status) END,
                    delivery_updated_at = CASE WHEN CAST(:sid AS text) IS NULL THEN delivery_updated_at ELSE coalesce(delivery_updated_at, :now) END
                WHERE natural_key = :key
                """).param("sid", sid).param("status", sid == null ? null : DeliveryReports.known(receipt.status()))
                .param("now", BusinessTime.now()).param("key", naturalKey).update());
    }

    private void finish(String naturalKey, String state, String detail) {
        ownTransaction.executeWithoutResult(tx -> jdbc.sql("""
                UPDATE automation.notification SET state = :state, detail = :detail,
                    sent_at = CASE WHEN :state = 'sent' THEN CAST(:now AS timestamptz) END WHERE natural_key = :key
                """).param("state", state).param("detail", detail == null ? null : detail.substring(0, Math.min(detail.length(), 500)))
                .param("now", BusinessTime.now()).param("key", naturalKey).update());
    }
}
