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
    }
}
