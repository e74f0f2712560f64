package ca.gigafibre.automation.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.testing.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.StreamingHttpOutputMessage;

/** An adapter's request bodies are written on the shared, reused HTTP threads: not on a new thread per request (50 calls here). */
class HttpThreadsTest extends IntegrationTest {

    private static final byte[] ONT = ("{\"oltId\":\"OLT-EAST\",\"port\":\"1/2/3\",\"customerId\":\"C-10001\",\"locationId\":\"LOC-00001\","
            + "\"downloadMbps\":100,\"uploadMbps\":100,\"state\":\"enabled\"}").getBytes(StandardCharsets.UTF_8);

    @Autowired
    AdapterEndpoints endpoints;

    @Test
    void fiftyCallsWriteTheirBodiesOnAHandfulOfSharedThreads() {
        ExternalApi olt = ExternalApi.of("olt", endpoints);
        List<String> writers = new CopyOnWriteArrayList<>();
        StreamingHttpOutputMessage.Body body = out -> {
            writers.add(Thread.currentThread().getName());
            out.write(ONT);
        };

        for (int i = 0; i < 50; i++) {
            String serial = String.format("TPLGTHREAD%02d", i);
            int status = olt.call("PUT /v1/onts/{serial}", client -> client.put().uri("/v1/onts/{serial}", serial)
                    .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity().getStatusCode().value());
            assertThat(status).isEqualTo(201);
        }

        assertThat(writers).hasSize(50).allMatch(name -> name.startsWith("external-http-"));
        assertThat(writers.stream().distinct().count()).as("threads that wrote the 50 bodies").isLessThan(10);
    }
}
