package ca.gigafibre.automation.bench;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.testing.IntegrationTest;
import ca.gigafibre.automation.testing.ScaleOneData;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Customer 360 in one round trip ({@code mvn -Pbench verify -Dtest=Customer360Benchmark}): {@code GET /api/customers/{id}}
 * through HTTP for 1,000 random customers of the scale-1.0 data (15,303 customers), after 200 warm-up calls. Target: p95
 * below 50 ms. Figures only; nothing here asserts time.
 */
@Tag("bench")
class Customer360Benchmark extends IntegrationTest {

    @Autowired
    ScaleOneData data;

    @Autowired
    List<ca.gigafibre.automation.customer.Customer360Part> parts;

    @Autowired
    List<ca.gigafibre.automation.customer.Customer360Badge> badges;

    @Autowired
    List<ca.gigafibre.automation.customer.Customer360LocationPart> locationParts;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transaction;

    @Test
    void oneThousandRandomCustomersAtScaleOne() {
        data.ensure();
        List<String> ids = new java.util.ArrayList<>(jdbc.sql("SELECT customer_no FROM automation.customer ORDER BY id").query(String.class).list());
        Collections.shuffle(ids, new Random(20261207));
        int[] sections = new int[1];

        Latencies latencies = Latencies.of(200, 1000, i -> {
            ResponseEntity<JsonNode> answer = as("ops").getForEntity("/api/customers/{id}", JsonNode.class, ids.get(i % ids.size()));
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
            sections[0] = answer.getBody().path("related").size();
        });

        System.out.printf("%nBENCH Customer 360 over HTTP, 1,000 random customers at scale 1.0 (%d sections in related): %s%n",
                sections[0], latencies.summary());
        // the same round trip for a one-query endpoint: what HTTP, login and JSON cost on this machine at this moment
        System.out.printf("BENCH reference: GET /api/customers/{id}/balance over HTTP, same customers: %s%n", Latencies.of(200, 1000,
                i -> as("ops").getForEntity("/api/customers/{id}/balance", JsonNode.class, ids.get(i % ids.size()))).summary());
        List<Long> rowIds = ids.stream().limit(1000).map(no -> jdbc.sql("SELECT id FROM automation.customer WHERE customer_no = :no")
                .param("no", no).query(Long.class).single()).toList();
        for (var part : parts) {
            perPart("related." + part.key(), rowIds, part::describe);
        }
        for (var badge : badges) {
            perPart("badges." + badge.key(), rowIds, badge::badge);
        }
        for (var part : locationParts) {
            perPart("locations[].related." + part.key(), rowIds, part::byLocation);
        }
    }

    private void perPart(String name, List<Long> rowIds, java.util.function.LongFunction<Object> part) {
        Latencies latencies = Latencies.of(100, rowIds.size(), i -> transaction.executeWithoutResult(status -> part.apply(rowIds.get(i))));
        System.out.printf("BENCH   in-process %-32s %s%n", name, latencies.summary());
    }
}
