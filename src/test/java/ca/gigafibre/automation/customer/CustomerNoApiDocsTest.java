package ca.gigafibre.automation.customer;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.testing.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The typed customer number is what clients always saw: a string path parameter in the published API description. */
class CustomerNoApiDocsTest extends IntegrationTest {

    @Test
    void theCustomerPathParameterIsStillAString() {
        JsonNode docs = as("ops").getForObject("/v3/api-docs", JsonNode.class);
        for (String path : new String[] {"/api/customers/{id}", "/api/customers/{id}/balance", "/api/customers/{id}/suspension"}) {
            JsonNode operation = docs.path("paths").path(path).elements().next();
            JsonNode id = null;
            for (JsonNode parameter : operation.path("parameters")) {
                if ("id".equals(parameter.path("name").asText())) {
                    id = parameter;
                }
            }
            assertThat(id).as(path).isNotNull();
            assertThat(id.path("in").asText()).as(path).isEqualTo("path");
            assertThat(id.path("schema").path("type").asText()).as(path).isEqualTo("string");
        }
    }
}
