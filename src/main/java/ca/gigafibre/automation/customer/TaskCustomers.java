package ca.gigafibre.automation.customer;

import ca.gigafibre.automation.platform.time.BusinessTime;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The customer a task is about, as the person working it needs to see them: found by the process's {@code customerId}
 * (else its business key read as a customer, ticket, invoice or quote id), else by its phone line ({@code did}).
 */
@Component
public class TaskCustomers {

    /** What a task shows of its customer; never a secret. */
    public record TaskCustomer(String customerNo, String name, String phone, String cellPhone, String language,
                               BigDecimal overdueBalance, LocalDate overdueSince) {
    }

    private final JdbcClient jdbc;

    public TaskCustomers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<TaskCustomer> find(String key, String did) {
        if ((key == null || key.isBlank()) && (did == null || did.isBlank())) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT c.customer_no, c.first_name, c.last_name, c.company_name, c.phone, c.cell_phone, c.language,
                       coalesce(o.balance, 0) AS overdue_balance, o.since AS overdue_since
                FROM automation.customer c
                LEFT JOIN LATERAL (SELECT sum(i.total - i.amount_paid) AS balance, min(i.due_date) AS since
                                   FROM automation.overdue_invoice(:today) i WHERE i.customer_id = c.id) o ON true
                WHERE c.id = (SELECT found.id FROM (
                        SELECT id, 1 AS rank FROM automation.customer WHERE customer_no = :key
                        UNION ALL SELECT customer_id, 2 FROM automation.ticket WHERE ticket_no = :key
                        UNION ALL SELECT customer_id, 3 FROM automation.invoice WHERE invoice_no = :key
                        UNION ALL SELECT customer_id, 4 FROM automation.quote WHERE quote_no = :key
                        UNION ALL SELECT customer_id, 5 FROM automation.voip_line WHERE did = :did
                    ) found ORDER BY found.rank LIMIT 1)
                """)
                .param("key", key == null ? "" : key).param("did", did == null ? "" : did).param("today", BusinessTime.today())
                .query((rs, n) -> new TaskCustomer(rs.getString("customer_no"), nameOf(rs.getString("first_name"),
                        rs.getString("last_name"), rs.getString("company_name")), rs.getString("phone"), rs.getString("cell_phone"),
                        rs.getString("language"), rs.getBigDecimal("overdue_balance"), rs.getObject("overdue_since", LocalDate.class)))
                .optional();
    }

    private static String nameOf(String first, String last, String company) {
        String person = (first + " " + last).strip();
        return company == null || company.isBlank() ? person : company.strip() + " (" + person + ")";
    }
}
