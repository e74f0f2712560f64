package ca.gigafibre.automation.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** An adapter's calls with a body run on the shared, reused HTTP threads: not a new thread per request (50 calls here). */
class HttpThreadsTest extends IntegrationTest {

    @Autowired
    AdapterEndpoints endpoints;

    @Test
    void fiftyCallsWithABodyStartAHandfulOfThreadsNotFifty() {
        ExternalApi olt = ExternalApi.of("olt", endpoints);
        int before = HttpThreads.STARTED.get();

        for (int i = 0; i < 50; i++) {
            String serial = String.format("TPLGTHREAD%02d", i);
            int status = olt.call("PUT /v1/onts/{serial}", client -> client.put().uri("/v1/onts/{serial}", serial).contentType(MediaType.APPLICATION_JSON)
                    .body("{\"oltId\":\"OLT-EAST\",\"port\":\"1/2/3\",\"customerId\":\"C-10001\",\"locationId\":\"LOC-00001\","
                            + "\"downloadMbps\":100,\"uploadMbps\":100,\"state\":\"enabled\"}")
                    .retrieve().toBodilessEntity().getStatusCode().value());
            assertThat(status).isEqualTo(201);
        }

        int started = HttpThreads.STARTED.get() - before;
        assertThat(started).as("threads the shared pool started").isPositive().isLessThan(10);
    }
}
