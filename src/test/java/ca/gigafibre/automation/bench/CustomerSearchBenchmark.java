package ca.gigafibre.automation.bench;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.demo.DemoDataGenerator;
import ca.gigafibre.automation.testing.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Customer search through HTTP ({@code mvn -Pbench verify -Dtest=CustomerSearchBenchmark}, scale by
 * {@code -Dbench.search.scales=1,10}; default 1): 1,000 queries drawn from the data — full names without accents, last
 * names, phones in the formats people type, address fragments, customer ids — after 200 warm-up queries; p50/p95 per
 * kind and overall, and the plans of a name and an address query. Target: p95 below 50 ms at scale 10 (150,000
 * customers). Figures only; nothing here asserts time.
 */
@Tag("bench")
class CustomerSearchBenchmark extends IntegrationTest {

    @Autowired
    DemoDataGenerator generator;

    @Autowired
    ca.gigafibre.automation.testing.ScaleOneData scaleOne;

    @Autowired
    ca.gigafibre.automation.customer.CustomerService service;

    @Test
    void searchAtEachScale() {
        for (String scale : System.getProperty("bench.search.scales", "1").split(",")) {
            if (Double.parseDouble(scale.strip()) == 1.0) {
                scaleOne.ensure();
            } else {
                generator.generate(Double.parseDouble(scale.strip()), 20261123, true);
            }
            long customers = count("customer");
            Map<String, List<String>> queries = queries(new Random(20261207));
            List<String> all = new ArrayList<>();
            queries.values().forEach(all::addAll);
            java.util.Collections.shuffle(all, new Random(7));
            for (Map.Entry<String, List<String>> kind : queries.entrySet()) {
                List<String> qs = kind.getValue();
                System.out.printf("BENCH search scale %s (%,d customers) %-8s %s%n", scale, customers, kind.getKey(),
                        Latencies.of(20, qs.size(), i -> search(qs.get(i))).summary());
                System.out.printf("BENCH   in-process (no HTTP, no login)   %-8s %s%n", kind.getKey(),
                        Latencies.of(20, qs.size(), i -> service.search(qs.get(i), 50)).summary());
            }
            System.out.printf("BENCH search scale %s (%,d customers) all      %s%n", scale, customers,
                    Latencies.of(200, 1000, i -> search(all.get(i % all.size()))).summary());
            explain("name", queries.get("name").get(0));
            explain("address", queries.get("address").get(0));
        }
    }

    private Map<String, List<String>> queries(Random random) {
        List<Map<String, Object>> sample = jdbc.sql("""
                SELECT c.customer_no, c.first_name, c.last_name, coalesce(c.cell_phone, c.phone) AS phone, l.street_number, l.street_name
                FROM automation.customer c JOIN LATERAL (SELECT * FROM automation.service_location l WHERE l.customer_id = c.id
                                                         ORDER BY l.id LIMIT 1) l ON true
                ORDER BY md5(c.id::text) LIMIT 400
                """).query().listOfRows();
        Function<String, String> plain = s -> Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        List<String> names = new ArrayList<>(), lastNames = new ArrayList<>(), phones = new ArrayList<>(), addresses = new ArrayList<>(),
                ids = new ArrayList<>();
        for (Map<String, Object> row : sample) {
            names.add(plain.apply(row.get("first_name") + " " + row.get("last_name")));
            lastNames.add((String) row.get("last_name"));
            String phone = (String) row.get("phone");
            if (phone != null && phone.length() == 10) {
                String a = phone.substring(0, 3), b = phone.substring(3, 6), c = phone.substring(6);
                phones.add(switch (random.nextInt(3)) {
                    case 0 -> a + " " + b + "-" + c;
                    case 1 -> "(" + a + ") " + b + "-" + c;
                    default -> phone;
                });
            }
            addresses.add(row.get("street_number") + " " + plain.apply((String) row.get("street_name")));
            ids.add((String) row.get("customer_no"));
        }
        return Map.of("name", names.subList(0, 200), "lastName", lastNames.subList(0, 200), "phone", phones,
                "address", addresses.subList(0, 200), "id", ids.subList(0, 200));
    }

    private void search(String q) {
        ResponseEntity<JsonNode> answer = as("ops").getForEntity("/api/customers?q={q}", JsonNode.class, q);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private void explain(String kind, String q) {
        List<String> words = List.of(q.split("\\s+"));
        StringBuilder where = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            where.append(i == 0 ? "" : " AND ").append("search_text LIKE '%' || automation.search_normal('")
                    .append(words.get(i).replace("'", "''")).append("') || '%'");
        }
        String table = kind.equals("address") ? "automation.service_location" : "automation.customer";
        List<String> plan = jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) SELECT id FROM " + table + " WHERE " + where + " LIMIT 200")
                .query(String.class).list();
        System.out.printf("BENCH plan of a %s query (%s):%n  %s%n", kind, q, String.join("\n  ", plan));
    }
}
