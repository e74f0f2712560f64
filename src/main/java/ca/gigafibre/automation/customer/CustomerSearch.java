package ca.gigafibre.automation.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code GET /api/customers?q=}: by id, legacy id, phone (any format), name, company, e-mail or address, accents and case
 * ignored. Each kind of match is one indexed lookup: unique ids by equality, the rest by the trigram (GIN) indexes on the
 * normalised {@code search_text} columns (V64), every word of the query in the same customer or location. Best kinds of
 * match first (id, legacy id, phone, name, address), then by name. Runs inside the caller's transaction (a plan setting
 * is local to it).
 */
@Repository
public class CustomerSearch {

    /** Rows one kind of match may bring before ranking: a one-word query ("rue") would otherwise read every location. */
    private static final int PER_KIND = 200;

    private final JdbcClient jdbc;

    public CustomerSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<CustomerSummary> find(String q, int limit) {
        SearchTerms terms = SearchTerms.of(q);
        Map<String, Object> params = new TreeMap<>();
        params.put("upper", terms.text().toUpperCase(java.util.Locale.ROOT));
        params.put("perKind", Math.max(PER_KIND, limit));
        params.put("limit", limit);
        List<String> hits = new ArrayList<>();
        hits.add("SELECT id AS customer_id, CAST(NULL AS bigint) AS location_id, 0 AS rank, 'id' AS why FROM automation.customer WHERE customer_no = :upper");
        if (terms.legacyLike()) {
            hits.add("SELECT id, NULL, 1, 'legacyId' FROM automation.customer WHERE legacy_account_id = :legacy OR legacy_customer_id = :text");
            params.put("legacy", Integer.parseInt(terms.text()));
            params.put("text", terms.text());
        }
        if (terms.phoneLike()) {
            hits.add("(SELECT id, NULL, 2, 'phone' FROM automation.customer WHERE search_text LIKE :digits LIMIT :perKind)");
            params.put("digits", "%" + terms.digits() + "%");
        }
        if (terms.wordsLike() && !terms.words().isEmpty()) {
            List<String> conditions = new ArrayList<>();
            for (int i = 0; i < terms.words().size(); i++) {
                conditions.add("search_text LIKE '%' || automation.search_normal(:w" + i + ") || '%'");
                params.put("w" + i, SearchTerms.literal(terms.words().get(i)));
            }
            String all = String.join(" AND ", conditions);
            hits.add("(SELECT id, NULL, 3, 'name' FROM automation.customer WHERE " + all + " LIMIT :perKind)");
            hits.add("(SELECT customer_id, id, 4, 'address' FROM automation.service_location WHERE " + all + " LIMIT :perKind)");
        }
        String sql = "WITH hit AS (" + String.join("\nUNION ALL ", hits) + """
                ), best AS (
                    SELECT DISTINCT ON (customer_id) customer_id, location_id, rank, why FROM hit ORDER BY customer_id, rank
                )
                SELECT c.customer_no, c.first_name, c.last_name, c.company_name, c.email, c.phone, c.cell_phone, c.status,
                       c.legacy_account_id, b.why,
                       (SELECT l.street_number || ' ' || l.street_name || ', ' || l.city FROM automation.service_location l
                        WHERE l.customer_id = c.id ORDER BY l.id = b.location_id DESC, l.id LIMIT 1) AS address
                FROM best b JOIN automation.customer c ON c.id = b.customer_id
                ORDER BY b.rank, c.last_name, c.first_name, c.id
                LIMIT :limit
                """;
        // a plan made for the words at hand: a prepared statement's generic plan cannot see how selective a LIKE pattern is
        jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
        JdbcClient.StatementSpec statement = jdbc.sql(sql);
        for (Map.Entry<String, Object> param : params.entrySet()) {
            statement = statement.param(param.getKey(), param.getValue());
        }
        return statement.query((rs, n) -> new CustomerSummary(rs.getString("customer_no"),
                        rs.getString("first_name") + " " + rs.getString("last_name"), rs.getString("company_name"),
                        rs.getString("email"), rs.getString("phone"), rs.getString("status"), rs.getString("address"),
                        (Integer) rs.getObject("legacy_account_id"), rs.getString("cell_phone"),
                        why(terms, rs.getString("why"), rs.getString("first_name") + " " + rs.getString("last_name"),
                                rs.getString("company_name"))))
                .list();
    }

    /** A customer found by its indexed text matched by name, company or e-mail: say which. */
    private static String why(SearchTerms terms, String kind, String name, String company) {
        if (!"name".equals(kind) || terms.allWordsIn(name)) {
            return kind;
        }
        return terms.allWordsIn(company) ? "company" : "email";
    }
}
