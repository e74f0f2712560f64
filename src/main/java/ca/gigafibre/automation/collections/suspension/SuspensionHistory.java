package ca.gigafibre.automation.collections.suspension;

import ca.gigafibre.automation.collections.SuspensionFacts;
import ca.gigafibre.automation.collections.SuspensionReason;
import ca.gigafibre.automation.platform.time.BusinessHours;
import ca.gigafibre.automation.platform.time.BusinessTime;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The suspension facts of past days, for a what-if replay: what {@link SuspensionFactsLoader} would have read on each day
 * of a window (at 10:00, inside the cut window on a cut day), rebuilt from a few set-based reads of the accounts'
 * invoices and the payments allocated to them, suspensions, arrangements and cutoff notices — never one query per account.
 * The tables keep no status history, so a day's view is rebuilt from dates: an invoice is overdue on a day after its due
 * date until the payments received by then cover it (or its write-off's credit note is issued); an arrangement is running
 * from its agreed date until its due date (while still open: until today); a notice counts as delivered as it is known now.
 * Read only.
 */
@Component
public class SuspensionHistory {

    /** The account as people know it. */
    public record Account(long id, String customerNo, String name, boolean commercial, boolean vip, boolean neverSuspend) {
    }

    /** An account's names and flags, as every replayed decision reports them. */
    private static final String ACCOUNTS = """
            SELECT c.id, c.customer_no, trim(coalesce(c.company_name, c.first_name || ' ' || c.last_name)) AS name,
                   c.is_commercial, c.is_vip, c.never_suspend
            FROM automation.customer c""";

    /** The parameters the facts carry or depend on. */
    public record Parameters(int graceDays, int noticeDays, int noticeValidDays) {
    }

    private record Invoice(LocalDate due, BigDecimal total, LocalDate writtenOffOn, OffsetDateTime[] paidAt, BigDecimal[] paid) {
    }

    private record Stretch(OffsetDateTime started, OffsetDateTime ended, String reason) {
    }

    private record Arrangement(LocalDate agreed, LocalDate due, LocalDate cutoff, String status) {
    }

    private record Notice(OffsetDateTime sent, boolean delivered) {
    }

    /** Everything read about one account in the window. */
    public static final class Ledger {
        private Account account;
        private final List<Invoice> invoices = new ArrayList<>();
        private final List<Stretch> suspensions = new ArrayList<>();
        private final List<Arrangement> arrangements = new ArrayList<>();
        private final List<Notice> notices = new ArrayList<>();

        private Ledger(long customerId) {
            // the account's names and flags are read last, for the accounts found
        }

        public Account account() {
            return account;
        }

        /** The first day of [from, to] on which something was overdue, or null. */
        public LocalDate firstOverdueDay(LocalDate from, LocalDate to) {
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                if (overdue(day).amount.signum() > 0) {
                    return day;
                }
            }
            return null;
        }

        private record Overdue(BigDecimal amount, LocalDate oldestDue) {
        }

        private Overdue overdue(LocalDate day) {
            OffsetDateTime at = instant(day);
            BigDecimal amount = BigDecimal.ZERO;
            LocalDate oldest = null;
            for (Invoice invoice : invoices) {
                if (!invoice.due.isBefore(day) || (invoice.writtenOffOn != null && !invoice.writtenOffOn.isAfter(day))) {
                    continue;
                }
                BigDecimal open = invoice.total;
                for (int i = 0; i < invoice.paidAt.length; i++) {
                    if (!invoice.paidAt[i].isAfter(at)) {
                        open = open.subtract(invoice.paid[i]);
                    }
                }
                if (open.signum() > 0) {
                    amount = amount.add(open);
                    oldest = oldest == null || invoice.due.isBefore(oldest) ? invoice.due : oldest;
                }
            }
            return new Overdue(amount, oldest);
        }
    }

    private final JdbcClient jdbc;
    private final BusinessHours hours;

    public SuspensionHistory(JdbcClient jdbc, BusinessHours hours) {
        this.jdbc = jdbc;
        this.hours = hours;
    }

    /** One replayed day: its instant and the cut window as seen then (the same for every account). */
    public record Day(LocalDate date, OffsetDateTime at, boolean cutTime, OffsetDateTime nextCut) {
    }

    public Day day(LocalDate date) {
        OffsetDateTime at = instant(date);
        return new Day(date, at, hours.isCutTime(at), hours.nextCutTime(at));
    }

    /** The instant a day is replayed at: 10:00 Montreal time, inside the cut window when the day is a cut day. */
    public static OffsetDateTime instant(LocalDate day) {
        return day.atTime(10, 0).atZone(BusinessTime.ZONE).toOffsetDateTime();
    }

    /**
     * The ledgers of every account that had something overdue, a suspension, an arrangement or a notice in [from, to],
     * by account id; {@code customers} (customer numbers) narrows it, empty for all.
     */
    public Map<Long, Ledger> read(LocalDate from, LocalDate to, Collection<String> customers) {
        Map<Long, Ledger> ledgers = new LinkedHashMap<>();
        String only = customers.isEmpty() ? "" : " AND c.customer_no IN (:only)";
        List<String> onlyArray = customers.isEmpty() ? List.of("") : List.copyOf(customers);
        OffsetDateTime fromInstant = instant(from);
        jdbc.sql("""
                SELECT i.customer_id, i.due_date, i.total, max(note.issue_date) AS written_off_on,
                       array_remove(array_agg(p.received_at ORDER BY p.received_at), NULL) AS paid_at,
                       array_remove(array_agg(CASE WHEN p.id IS NULL THEN NULL ELSE a.amount END ORDER BY p.received_at), NULL) AS paid
                FROM automation.invoice i JOIN automation.customer c ON c.id = i.customer_id
                LEFT JOIN automation.payment_allocation a ON a.invoice_id = i.id
                LEFT JOIN automation.payment p ON p.id = a.payment_id AND p.reversed_at IS NULL
                LEFT JOIN automation.invoice note ON note.credit_note_for = i.id
                WHERE i.status IN ('open', 'paid', 'written-off') AND i.due_date < :to AND i.total > 0
                """ + only + """
                 GROUP BY i.id
                HAVING i.status = 'open' OR (i.status = 'written-off' AND (max(note.issue_date) IS NULL OR max(note.issue_date) >= :from))
                    OR (i.status = 'paid' AND max(p.received_at) >= :fromInstant AND max(p.received_at) >= CAST(i.due_date AS timestamptz))
                """).param("to", to).param("from", from).param("fromInstant", fromInstant).param("only", onlyArray)
                .query((ResultSet rs) -> {
                    Ledger ledger = ledgers.computeIfAbsent(rs.getLong("customer_id"), Ledger::new);
                    ledger.invoices.add(new Invoice(rs.getObject("due_date", LocalDate.class), rs.getBigDecimal("total"),
                            rs.getObject("written_off_on", LocalDate.class), instants(rs.getArray("paid_at")), amounts(rs.getArray("paid"))));
                });
        jdbc.sql("""
                SELECT s.customer_id, s.started_at, s.ended_at, s.reason FROM automation.suspension s JOIN automation.customer c ON c.id = s.customer_id
                WHERE s.started_at IS NOT NULL AND (s.ended_at IS NULL OR s.ended_at >= :fromInstant)
                """ + only).param("fromInstant", fromInstant).param("only", onlyArray)
                .query((ResultSet rs) -> {
                    Ledger ledger = ledgers.computeIfAbsent(rs.getLong("customer_id"), Ledger::new);
                    ledger.suspensions.add(new Stretch(BusinessTime.read(rs, "started_at"), BusinessTime.read(rs, "ended_at"), rs.getString("reason")));
                });
        jdbc.sql("""
                SELECT a.customer_id, a.agreed_date, a.due_date, a.cutoff_date, a.status FROM automation.payment_arrangement a
                JOIN automation.customer c ON c.id = a.customer_id WHERE a.agreed_date <= :to
                """ + only).param("to", to).param("only", onlyArray)
                .query((ResultSet rs) -> {
                    Ledger ledger = ledgers.computeIfAbsent(rs.getLong("customer_id"), Ledger::new);
                    ledger.arrangements.add(new Arrangement(rs.getObject("agreed_date", LocalDate.class), rs.getObject("due_date", LocalDate.class),
                            rs.getObject("cutoff_date", LocalDate.class), rs.getString("status")));
                });
        jdbc.sql("""
                SELECT cn.customer_id, cn.sent_at, %s AS delivered
                FROM automation.collection_notice cn JOIN automation.customer c ON c.id = cn.customer_id
                LEFT JOIN automation.notification nf ON nf.natural_key = cn.notice_key
                WHERE cn.kind = 'suspension' AND cn.sent_at <= :toInstant
                """.formatted(SuspensionFactsLoader.DELIVERED) + only).param("toInstant", instant(to)).param("only", onlyArray)
                .query((ResultSet rs) -> {
                    Ledger ledger = ledgers.computeIfAbsent(rs.getLong("customer_id"), Ledger::new);
                    ledger.notices.add(new Notice(BusinessTime.read(rs, "sent_at"), rs.getBoolean("delivered")));
                });
        // every account's names and flags in one read (cheaper than naming thousands of ids), kept for those found
        jdbc.sql(ACCOUNTS + " WHERE true " + only).param("only", onlyArray)
                .query((ResultSet rs) -> {
                    Ledger ledger = ledgers.get(rs.getLong("id"));
                    if (ledger != null) {
                        ledger.account = account(rs);
                    }
                });
        ledgers.values().removeIf(l -> l.account == null);
        return ledgers;
    }

    /**
     * What the suspension rules would have seen about the account on {@code day} when a collections case asked them
     * (non-payment, no staff request, no approval yet), or null when there was nothing to ask: nothing overdue, not
     * suspended, no broken arrangement whose cutoff date has come.
     */
    public OnDay factsOn(Ledger ledger, Day replayed, Parameters parameters) {
        LocalDate day = replayed.date();
        OffsetDateTime at = replayed.at();
        Ledger.Overdue overdue = ledger.overdue(day);
        Stretch suspension = ledger.suspensions.stream()
                .filter(s -> !s.started.isAfter(at) && (s.ended == null || s.ended.isAfter(at))).findFirst().orElse(null);
        Integer cutoffDaysAgo = ledger.arrangements.stream().filter(a -> "broken".equals(a.status) && a.cutoff != null && !a.cutoff.isAfter(day))
                .map(a -> (int) ChronoUnit.DAYS.between(a.cutoff, day)).min(Integer::compare).orElse(null);
        if (overdue.amount.signum() <= 0 && suspension == null && cutoffDaysAgo == null) {
            return null;
        }
        boolean running = ledger.arrangements.stream().anyMatch(a -> !a.agreed.isAfter(day)
                && ("open".equals(a.status) || (!"pending".equals(a.status) && !day.isAfter(a.due))));
        OffsetDateTime validFrom = at.minusDays(parameters.noticeValidDays());
        Notice latest = null;
        Notice latestDelivered = null;
        for (Notice notice : ledger.notices) {
            if (notice.sent.isAfter(at) || !notice.sent.isAfter(validFrom)) {
                continue;
            }
            latest = latest == null || notice.sent.isAfter(latest.sent) ? notice : latest;
            if (notice.delivered && (latestDelivered == null || notice.sent.isAfter(latestDelivered.sent))) {
                latestDelivered = notice;
            }
        }
        Integer noticeDaysAgo = latestDelivered == null ? null
                : (int) ChronoUnit.DAYS.between(latestDelivered.sent.atZoneSameInstant(BusinessTime.ZONE).toLocalDate(), day);
        Account account = ledger.account;
        OffsetDateTime nextCut = replayed.nextCut();
        OnDay facts = new OnDay(day, account.customerNo(), account.neverSuspend(), account.vip(), account.commercial(), suspension != null,
                running, false, overdue.amount, overdue.oldestDue == null ? 0 : (int) ChronoUnit.DAYS.between(overdue.oldestDue, day),
                parameters.graceDays(), replayed.cutTime(), nextCut, noticeDaysAgo, parameters.noticeDays(), cutoffDaysAgo, false);
        facts.asked(SuspensionReason.NON_PAYMENT.code(), false, true, nextCut)
                .noticeUndelivered(latest != null && !latest.delivered)
                .openSuspensionReason(suspension == null ? null : suspension.reason);
        return facts;
    }

    /**
     * The facts of one account on one replayed day. The subject names the day too ({@code C-10001@2026-03-12}), so the days
     * of many accounts are decided together in one session: the rules pair facts and decision by subject, and never read it.
     */
    public static final class OnDay extends SuspensionFacts {

        private final LocalDate day;

        private OnDay(LocalDate day, String customerId, boolean neverSuspend, boolean vip, boolean commercial, boolean alreadySuspended,
                      boolean keptArrangementOpen, boolean requestedByStaff, BigDecimal overdueAmount, int daysOverdue, int graceDays,
                      boolean cutTime, OffsetDateTime nextCutTime, Integer noticeSentDaysAgo, int noticeDays, Integer brokenArrangementCutoffDaysAgo,
                      boolean approved) {
            super(customerId, neverSuspend, vip, commercial, alreadySuspended, keptArrangementOpen, requestedByStaff, overdueAmount,
                    daysOverdue, graceDays, cutTime, nextCutTime, noticeSentDaysAgo, noticeDays, brokenArrangementCutoffDaysAgo, approved);
            this.day = day;
        }

        public LocalDate day() {
            return day;
        }

        @Override
        public String getSubject() {
            return getCustomerId() + "@" + day;
        }
    }

    private static OffsetDateTime[] instants(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        OffsetDateTime[] result = new OffsetDateTime[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i] instanceof java.sql.Timestamp t ? t.toInstant().atZone(BusinessTime.ZONE).toOffsetDateTime()
                    : (OffsetDateTime) values[i];
        }
        return result;
    }

    private static BigDecimal[] amounts(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        BigDecimal[] result = new BigDecimal[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (BigDecimal) values[i];
        }
        return result;
    }

    /** Names and flags of these accounts (those with no ledger: charges of accounts never overdue), one read per 1,000. */
    public Map<Long, Account> accounts(List<Long> ids) {
        Map<Long, Account> accounts = new HashMap<>();
        for (int i = 0; i < ids.size(); i += 1000) {
            jdbc.sql(ACCOUNTS + " WHERE c.id IN (:ids)").param("ids", ids.subList(i, Math.min(ids.size(), i + 1000)))
                    .query((rs, n) -> account(rs)).list().forEach(a -> accounts.put(a.id(), a));
        }
        return accounts;
    }

    private static Account account(ResultSet rs) throws java.sql.SQLException {
        return new Account(rs.getLong("id"), rs.getString("customer_no"), rs.getString("name"), rs.getBoolean("is_commercial"),
                rs.getBoolean("is_vip"), rs.getBoolean("never_suspend"));
    }
}
