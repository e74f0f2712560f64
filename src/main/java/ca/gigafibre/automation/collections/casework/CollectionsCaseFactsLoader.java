package ca.gigafibre.automation.collections.casework;

import ca.gigafibre.automation.collections.CollectionsCaseFacts;
import ca.gigafibre.automation.platform.time.BusinessTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads {@link CollectionsCaseFacts}: one account, or a page of accounts in id order (the sweep's keyset paging). */
@Component
public class CollectionsCaseFactsLoader {

    private static final String FACTS = """
            SELECT c.id, c.customer_no, coalesce(o.overdue, 0) AS overdue, coalesce(o.invoices, 0) AS invoices,
                   exists(SELECT 1 FROM automation.collections_case k WHERE k.customer_id = c.id AND k.closed_at IS NULL) AS case_open,
                   exists(SELECT 1 FROM automation.open_suspension s WHERE s.customer_id = c.id) AS suspended
            FROM automation.customer c
            LEFT JOIN LATERAL (SELECT sum(i.total - i.amount_paid) AS overdue, count(*) AS invoices FROM automation.overdue_invoice(:today) i
                               WHERE i.customer_id = c.id) o ON true
            """;

    private final JdbcClient jdbc;

    public CollectionsCaseFactsLoader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public CollectionsCaseFacts one(long customerId) {
        return jdbc.sql(FACTS + " WHERE c.id = :id").param("today", BusinessTime.today()).param("id", customerId)
                .query(CollectionsCaseFactsLoader::facts).single();
    }

    /** Active and suspended accounts with an id above {@code afterId}, at most {@code limit}, in id order. */
    public List<CollectionsCaseFacts> page(long afterId, int limit) {
        return jdbc.sql(FACTS + " WHERE c.id > :after AND c.status IN ('active', 'suspended') ORDER BY c.id LIMIT :limit")
                .param("today", BusinessTime.today()).param("after", afterId).param("limit", limit)
                .query(CollectionsCaseFactsLoader::facts).list();
    }

    private static CollectionsCaseFacts facts(ResultSet rs, int row) throws SQLException {
        return new CollectionsCaseFacts(rs.getLong("id"), rs.getString("customer_no"), rs.getBigDecimal("overdue"), rs.getInt("invoices"),
                rs.getBoolean("case_open"), rs.getBoolean("suspended"));
    }
}
