package ca.gigafibre.automation.collections.arrangement;

import ca.gigafibre.automation.customer.Customer360Badge;
import ca.gigafibre.automation.platform.time.BusinessTime;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Customer 360's "arrangement" badge: the arrangement in force (pending or open, the latest), its amount, due date and
 * cutoff date, and the calendar days left until the cutoff (negative once passed; null without a cutoff date).
 */
@Component
class ArrangementBadge implements Customer360Badge {

    private final JdbcClient jdbc;

    ArrangementBadge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record ActiveArrangement(String id, String status, BigDecimal amount, LocalDate dueDate, LocalDate cutoffDate, Long daysToCutoff) {
    }

    @Override
    public String key() {
        return "arrangement";
    }

    @Override
    public Object badge(long customerId) {
        LocalDate today = BusinessTime.today();
        return jdbc.sql("""
                SELECT arrangement_no, status, amount, due_date, cutoff_date FROM automation.payment_arrangement
                WHERE customer_id = :id AND status IN ('pending', 'open') ORDER BY agreed_date DESC, id DESC LIMIT 1
                """).param("id", customerId)
                .query((rs, n) -> {
                    LocalDate cutoff = rs.getObject("cutoff_date", LocalDate.class);
                    return new ActiveArrangement(rs.getString("arrangement_no"), rs.getString("status"), rs.getBigDecimal("amount"),
                            rs.getObject("due_date", LocalDate.class), cutoff, cutoff == null ? null : ChronoUnit.DAYS.between(today, cutoff));
                })
                .optional().orElse(null);
    }
}
