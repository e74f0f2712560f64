package ca.gigafibre.automation.collections.suspension;

import ca.gigafibre.automation.collections.CollectionsSettings;
import ca.gigafibre.automation.collections.SuspensionFacts;
import ca.gigafibre.automation.collections.SuspensionReason;
import ca.gigafibre.automation.platform.error.NotFoundException;
import ca.gigafibre.automation.platform.time.BusinessHours;
import ca.gigafibre.automation.platform.time.BusinessTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads what the suspension rules see about one account, as of the business clock's now; a stale cutoff notice does not count. */
@Component
public class SuspensionFactsLoader {

    /**
     * A notice reached the customer: an e-mail the SMTP server took, a text Twilio reports delivered, or a notice without a
     * message in the ledger — given by a person on the phone (the call task) or recorded before the ledger existed.
     */
    static final String DELIVERED = "(nf.id IS NULL OR (nf.channel = 'email' AND nf.state = 'sent') "
            + "OR (nf.channel = 'sms' AND nf.state = 'sent' AND nf.delivery_status IN ('delivered', 'read')))";

    /** A suspension in force that the asking process did not record (or take over) itself. */
    private static final String NOT_OWN = "(CAST(:ownPid AS text) IS NULL OR s.process_instance_id IS DISTINCT FROM CAST(:ownPid AS text)) "
            + "AND (CAST(:ownSuspension AS bigint) IS NULL OR s.id <> CAST(:ownSuspension AS bigint))";

    private static final String FACTS = """
            SELECT c.id, c.customer_no, c.never_suspend, c.is_vip, c.is_commercial,
                   exists(SELECT 1 FROM automation.open_suspension s WHERE s.customer_id = c.id AND %2$s) AS suspended,
                   (SELECT s.reason FROM automation.open_suspension s WHERE s.customer_id = c.id AND %2$s LIMIT 1) AS open_reason,
                   exists(SELECT 1 FROM automation.payment_arrangement a WHERE a.customer_id = c.id AND a.status = 'open') AS arrangement_open,
                   (SELECT min(CAST(:today AS date) - a.cutoff_date) FROM automation.payment_arrangement a
                    WHERE a.customer_id = c.id AND a.status = 'broken' AND a.cutoff_date <= :today) AS cutoff_days_ago,
                   coalesce(o.overdue, 0) AS overdue, o.oldest_due, n.last_notice, n.latest_delivered
            FROM automation.customer c
            LEFT JOIN (SELECT customer_id, sum(total - amount_paid) AS overdue, min(due_date) AS oldest_due FROM automation.overdue_invoice(:today)
                       GROUP BY customer_id) o ON o.customer_id = c.id
            LEFT JOIN (SELECT cn.customer_id, max(cn.sent_at) FILTER (WHERE %1$s) AS last_notice,
                              (array_agg(%1$s ORDER BY cn.sent_at DESC))[1] AS latest_delivered
                       FROM automation.collection_notice cn LEFT JOIN automation.notification nf ON nf.natural_key = cn.notice_key
                       WHERE cn.kind = 'suspension' AND cn.sent_at > CAST(:now AS timestamptz) - make_interval(days => :noticeValidDays)
                       GROUP BY cn.customer_id) n ON n.customer_id = c.id
            """.formatted(DELIVERED, NOT_OWN);


    private final JdbcClient jdbc;
    private final BusinessHours hours;
    private final CollectionsSettings settings;
    private final int graceDays;
    private final int noticeDays;

    public SuspensionFactsLoader(JdbcClient jdbc, BusinessHours hours, CollectionsSettings settings) {
        this.jdbc = jdbc;
        this.hours = hours;
        this.settings = settings;
        this.graceDays = settings.suspensionGraceDays();
        this.noticeDays = settings.suspensionNoticeDays();
    }

    /** @param approved a person approved the suspension of this flagged account */
    public SuspensionFacts load(long customerId, boolean requestedByStaff, boolean approved) {
        return load(customerId, requestedByStaff, approved, SuspensionReason.NON_PAYMENT.code(), false, null);
    }

    /**
     * @param reason        why the suspension was asked ({@link SuspensionReason})
     * @param byAdmin       an administrator asked for it
     * @param effectiveDate the day a staff request takes effect, or null for now
     */
    public SuspensionFacts load(long customerId, boolean requestedByStaff, boolean approved, String reason, boolean byAdmin,
                                LocalDate effectiveDate) {
        return load(customerId, requestedByStaff, approved, reason, byAdmin, effectiveDate, null, null);
    }

    /**
     * The facts right before a cut, as if the suspension this process recorded were not there yet: its own suspension
     * ({@code ownProcessInstanceId}, or the one it took over, {@code ownSuspensionId}) does not make the account
     * "already suspended", so the rules decide the cut afresh.
     */
    public SuspensionFacts load(long customerId, boolean requestedByStaff, boolean approved, String reason, boolean byAdmin,
                                LocalDate effectiveDate, String ownProcessInstanceId, Long ownSuspensionId) {
        OffsetDateTime now = BusinessTime.now();
        boolean dateReached = effectiveDate == null || !effectiveDate.isAfter(now.toLocalDate());
        OffsetDateTime effectiveCut = dateReached ? hours.nextCutTime(now)
                : hours.nextCutTime(effectiveDate.atStartOfDay(BusinessTime.ZONE).toOffsetDateTime());
        return jdbc.sql(FACTS + " WHERE c.id = :id").param("today", now.toLocalDate()).param("now", now)
                .param("noticeValidDays", settings.noticeValidDays()).param("id", customerId)
                .param("ownPid", ownProcessInstanceId).param("ownSuspension", ownSuspensionId)
                .query((rs, n) -> facts(rs, now, requestedByStaff, approved)
                        .asked(reason, byAdmin, dateReached, effectiveCut)
                        .noticeUndelivered(Boolean.FALSE.equals(rs.getObject("latest_delivered", Boolean.class)))
                        .openSuspensionReason(rs.getString("open_reason")))
                .optional()
                .orElseThrow(() -> new NotFoundException("Customer", "#" + customerId, "customerId"));
    }

    private SuspensionFacts facts(ResultSet rs, OffsetDateTime now, boolean requestedByStaff, boolean approved) throws SQLException {
        LocalDate today = now.toLocalDate();
        LocalDate oldestDue = rs.getObject("oldest_due", LocalDate.class);
        OffsetDateTime lastNotice = rs.getObject("last_notice", OffsetDateTime.class);
        Integer noticeSentDaysAgo = lastNotice == null ? null
                : (int) ChronoUnit.DAYS.between(lastNotice.atZoneSameInstant(BusinessTime.ZONE).toLocalDate(), today);
        return new SuspensionFacts(rs.getString("customer_no"), rs.getBoolean("never_suspend"), rs.getBoolean("is_vip"),
                rs.getBoolean("is_commercial"), rs.getBoolean("suspended"), rs.getBoolean("arrangement_open"), requestedByStaff,
                rs.getBigDecimal("overdue"), oldestDue == null ? 0 : (int) ChronoUnit.DAYS.between(oldestDue, today), graceDays,
                hours.isCutTime(now), hours.nextCutTime(now), noticeSentDaysAgo, noticeDays,
                rs.getObject("cutoff_days_ago", Integer.class), approved);
    }
}
