package ca.gigafibre.automation.adapter.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mockserver.model.HttpRequest;

/** At scale 1.0 (22k subscriptions) an incremental read and the engine-id lookups stay fast: they use the fake's indexes. */
class FakeErpNextScaleTest {

    private final ObjectMapper json = new ObjectMapper();
    private final FakeErpNext erp = new FakeErpNext(null, null);

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void pagesThrough22000SubscriptionsChangedAfterAWatermarkAndLooksUpEngineIds() throws Exception {
        for (int i = 1; i <= 22_000; i++) {
            erp.put("Service Subscription", Map.of("name", String.format("SUB-%05d", i), "customer", "C-" + (10_000 + i % 15_000),
                    "item_code", "FIB-500", "status", "Active", "custom_engine_id", "S" + i));
        }
        String watermark = erp.doc("Service Subscription", "SUB-01000").orElseThrow().path("modified").asText();

        Set<String> seen = new HashSet<>();
        int pages = 0;
        int start = 0;
        JsonNode page;
        do {
            page = list("[[\"modified\",\">\",\"" + watermark + "\"],[\"status\",\"=\",\"Active\"]]", start, 500);
            page.forEach(row -> assertThat(seen.add(row.path("name").asText())).isTrue());
            start += page.size();
            pages++;
        } while (page.size() == 500);

        assertThat(seen).hasSize(21_000).doesNotContain("SUB-01000").contains("SUB-01001", "SUB-22000");
        assertThat(pages).isEqualTo(43);
        for (int i = 1; i <= 22_000; i += 22) {
            JsonNode found = list("[[\"custom_engine_id\",\"=\",\"S" + i + "\"]]", 0, 2);
            assertThat(found).hasSize(1);
            assertThat(found.get(0).path("name").asText()).isEqualTo(String.format("SUB-%05d", i));
        }
    }

    private JsonNode list(String filters, int start, int length) throws Exception {
        HttpRequest request = HttpRequest.request().withMethod("GET").withPath("/erpnext/api/resource/Service%20Subscription")
                .withQueryStringParameter("fields", "[\"name\",\"modified\"]").withQueryStringParameter("filters", filters)
                .withQueryStringParameter("order_by", "modified asc, name asc")
                .withQueryStringParameter("limit_start", String.valueOf(start))
                .withQueryStringParameter("limit_page_length", String.valueOf(length));
        var response = erp.answer(request);
        assertThat(response.getStatusCode()).isEqualTo(200);
        return json.readTree(response.getBodyAsString()).path("data");
    }
}
