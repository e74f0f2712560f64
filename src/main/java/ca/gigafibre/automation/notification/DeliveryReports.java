package ca.gigafibre.automation.notification;

import ca.gigafibre.automation.platform.time.BusinessTime;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Twilio's delivery reports on the notification ledger: the status of the message its MessageSid names. Reports may
 * arrive late, twice or out of order, so a status never goes back (a {@code sent} after {@code delivered} changes nothing).
 * A text that becomes {@code undelivered} or {@code failed} is announced ({@link MessageUndelivered}) once it is committed.
 */
@Service
public class DeliveryReports {

    /** Twilio's message statuses, from first to last; the final ones share a rank. */
    private static final List<List<String>> PROGRESS = List.of(List.of("accepted"), List.of("queued"), List.of("sending"),
            List.of("sent"), List.of("delivered", "undelivered", "failed"), List.of("read"));

    private static final List<String> UNDELIVERED = List.of("undelivered", "failed");

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    public DeliveryReports(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** {@code status} when it is one of Twilio's message statuses, else null. */
    public static String known(String status) {
        return rank(status) < 0 ? null : status;
    }

    private static int rank(String status) {
        for (int i = 0; i < PROGRESS.size(); i++) {
            if (PROGRESS.get(i).contains(status)) {
                return i;
            }
        }
        return -1;
    }

    /** @return false when no message of the ledger has this sid (the report is then ignored) */
    @Transactional
    public boolean record(String messageSid, String status, String errorCode) {
        List<String> current = jdbc.sql("SELECT coalesce(delivery_status, '') FROM automation.notification WHERE provider_message_id = :sid FOR UPDATE")
                .param("sid", messageSid).query(String.class).list();
        if (current.isEmpty()) {
            return false;
        }
        if (rank(status) > rank(current.get(0))) {
            jdbc.sql("""
                    UPDATE automation.notification SET delivery_status = :status, delivery_error = :error, delivery_updated_at = :now
                    WHERE provider_message_id = :sid
                    """).param("status", status).param("error", errorCode == null || errorCode.isBlank() ? null : errorCode)
                    .param("now", BusinessTime.now()).param("sid", messageSid).update();
            if (UNDELIVERED.contains(status)) {
                Map<String, Object> message = jdbc.sql("SELECT customer_id, kind, natural_key FROM automation.notification WHERE provider_message_id = :sid")
                        .param("sid", messageSid).query().singleRow();
                events.publishEvent(new MessageUndelivered(((Number) message.get("customer_id")).longValue(), (String) message.get("kind"),
                        (String) message.get("natural_key"), status));
            }
        }
        return true;
    }
}
