package ca.gigafibre.automation.collections.reactivation;

import ca.gigafibre.automation.customer.CustomerRef;
import ca.gigafibre.automation.collections.ReactivationFacts;
import ca.gigafibre.automation.platform.time.BusinessTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads what {@code rules/reactivation.drl} sees about one account, as of the business clock's today. */
@Component
public class ReactivationFactsLoader {

    private final JdbcClient jdbc;

    public ReactivationFactsLoader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public ReactivationFacts load(CustomerRef customer) {
        return jdbc.sql("""
                SELECT exists(SELECT 1 FROM automation.open_suspension s WHERE s.customer_id = :id) AS suspended,
                       (SELECT reason FROM automation.open_suspension s WHERE s.customer_id = :id ORDER BY started_at DESC LIMIT 1) AS reason,
                       coalesce((SELECT sum(total - amount_paid) FROM automation.overdue_invoice(:today) WHERE customer_id = :id), 0) AS overdue,
                       exists(SELECT 1 FROM automation.payment_arrangement a WHERE a.customer_id = :id AND a.status = 'open'
                              AND a.created_at >= (SELECT max(started_at) FROM automation.open_suspension WHERE customer_id = :id)) AS arrangement,
                       exists(SELECT 1 FROM automation.payment p JOIN automation.payment_arrangement a ON a.customer_id = p.customer_id
                              WHERE p.customer_id = :id AND a.status = 'open' AND p.received_at >= a.created_at
                              AND a.created_at >= (SELECT max(started_at) FROM automation.open_suspension WHERE customer_id = :id)) AS first_paid,
                       exists(SELECT 1 FROM automation.collections_case k WHERE k.customer_id = :id AND k.outcome = 'written-off'
                              AND k.closed_at >= (SELECT max(started_at) FROM automation.open_suspension WHERE customer_id = :id)) AS written_off
                """).param("id", customer.id()).param("today", BusinessTime.today())
                .query((rs, n) -> new ReactivationFacts(customer.no().value(), rs.getBoolean("suspended"), rs.getBigDecimal("overdue"),
                        rs.getBoolean("arrangement"), rs.getBoolean("first_paid"), rs.getString("reason"), rs.getBoolean("written_off")))
                .single();
    }
}
