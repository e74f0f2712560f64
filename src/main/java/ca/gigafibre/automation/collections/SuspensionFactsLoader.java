package ca.gigafibre.automation.collections;

import ca.gigafibre.automation.customer.CustomerRepository;
import ca.gigafibre.automation.customer.CustomerRow;
import ca.gigafibre.automation.platform.error.NotFoundException;
import ca.gigafibre.automation.platform.time.BusinessCalendar;
import ca.gigafibre.automation.platform.time.BusinessTime;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the facts of one account for the suspension rules, as of the business clock's today. */
@Component
public class SuspensionFactsLoader {

    private final JdbcClient jdbc;
    private final CustomerRepository customers;
    private final int graceDays;
    private final int noticeDays;
    private final BusinessCalendar calendar;

    public SuspensionFactsLoader(JdbcClient jdbc, CustomerRepository customers, BusinessCalendar calendar,
                                 @Value("${automation.collections.suspension-grace-days:30}") int graceDays,
                                 @Value("${automation.collections.suspension-notice-days:5}") int noticeDays) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.calendar = calendar;
        this.graceDays = graceDays;
        this.noticeDays = noticeDays;
    }

    public SuspensionFacts load(long customerId, boolean requestedByStaff) {
        CustomerRow customer = customers.find(customerId)
                .orElseThrow(() -> new NotFoundException("Customer", "#" + customerId, "customerId"));
        LocalDate today = BusinessTime.today();
        Overdue overdue = jdbc.sql("""
                SELECT coalesce(sum(total - amount_paid), 0), min(due_date) FROM automation.invoice
                WHERE customer_id = :id AND status = 'open' AND due_date < :today
                """)
                .param("id", customerId).param("today", today)
                .query((rs, n) -> new Overdue(rs.getBigDecimal(1), rs.getObject(2, LocalDate.class))).single();
        boolean keptArrangement = jdbc.sql("""
                SELECT exists(SELECT 1 FROM automation.payment_arrangement
                              WHERE customer_id = :id AND status = 'open' AND (cutoff_date IS NULL OR cutoff_date >= :today))
                """)
                .param("id", customerId).param("today", today).query(Boolean.class).single();
        boolean suspended = jdbc.sql("""
                SELECT exists(SELECT 1 FROM automation.suspension WHERE customer_id = :id AND started_at IS NOT NULL AND ended_at IS NULL)
                """)
                .param("id", customerId).query(Boolean.class).single();
        int daysOverdue = overdue.oldestDue() == null ? 0 : (int) ChronoUnit.DAYS.between(overdue.oldestDue(), today);
        Integer noticeSentDaysAgo = jdbc.sql("""
                SELECT sent_at FROM automation.collection_notice WHERE customer_id = :id AND kind = 'suspension'
                ORDER BY sent_at DESC LIMIT 1
                """).param("id", customerId).query(java.time.OffsetDateTime.class).optional()
                .map(sent -> (int) ChronoUnit.DAYS.between(sent.atZoneSameInstant(BusinessTime.ZONE).toLocalDate(), today)).orElse(null);
        return new SuspensionFacts(customer.customerNo(), customer.neverSuspend(), customer.vip(), customer.commercial(),
                suspended, keptArrangement, requestedByStaff, overdue.amount(), daysOverdue, graceDays, calendar.isBusinessDay(today),
                calendar.nextBusinessDay(today.plusDays(1)), noticeSentDaysAgo, noticeDays);
    }

    private record Overdue(BigDecimal amount, LocalDate oldestDue) {
    }
}
