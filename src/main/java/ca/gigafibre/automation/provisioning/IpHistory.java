package ca.gigafibre.automation.provisioning;

import ca.gigafibre.automation.customer.CustomerNo;
import ca.gigafibre.automation.customer.CustomerRepository;
import ca.gigafibre.automation.platform.time.BusinessTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** "What IP did this customer have then?" — IP assignments are their own history. */
@Service
public class IpHistory {

    private final JdbcClient jdbc;
    private final CustomerRepository customers;

    public IpHistory(JdbcClient jdbc, CustomerRepository customers) {
        this.jdbc = jdbc;
        this.customers = customers;
    }

    /** Every assignment, newest first; with {@code at}, only the one(s) in force at that instant. */
    @Transactional(readOnly = true)
    public List<IpAssignmentView> of(CustomerNo customerNo, OffsetDateTime at) {
        return of(customers.idOf(customerNo, "id"), at);
    }

    List<IpAssignmentView> of(long customerId, OffsetDateTime at) {
        return jdbc.sql("""
                SELECT host(a.ip) AS ip, l.location_no, s.subscription_no, a.assigned_at, a.released_at
                FROM automation.ip_assignment a
                LEFT JOIN automation.service_location l ON l.id = a.location_id
                LEFT JOIN automation.subscription s ON s.id = a.subscription_id
                WHERE a.customer_id = :customer
                  AND (CAST(:at AS timestamptz) IS NULL
                       OR (a.assigned_at <= CAST(:at AS timestamptz) AND (a.released_at IS NULL OR a.released_at > CAST(:at AS timestamptz))))
                ORDER BY a.assigned_at DESC
                """)
                .param("customer", customerId)
                .param("at", at)
                .query((rs, n) -> new IpAssignmentView(rs.getString("ip"), rs.getString("location_no"), rs.getString("subscription_no"),
                        BusinessTime.read(rs, "assigned_at"), BusinessTime.read(rs, "released_at")))
                .list();
    }
}
