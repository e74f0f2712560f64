package ca.gigafibre.automation.erpnext.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gigafibre.automation.adapter.fake.FakeExternalSystems;
import ca.gigafibre.automation.erpnext.ErpNextSettings;
import ca.gigafibre.automation.platform.error.ApiExceptionHandler;
import ca.gigafibre.automation.testing.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * {@code /api/admin/erpnext/syncs}: admins only, 409 while ERPNext is off (as in the shared test engine) or a sync runs,
 * and with ERPNext on, 202 with the run id, then the run's status, counts per doctype and rejects.
 */
class ErpNextSyncApiTest extends IntegrationTest {

    @Autowired
    FakeExternalSystems fakes;

    @Autowired
    ErpNextSyncRunner runner;

    @Autowired
    SyncRuns runs;

    @Autowired
    DataSource dataSource;

    @Autowired
    ApiExceptionHandler problems;

    @Autowired
    ObjectMapper json;

    MockMvc enabledApi;

    @BeforeEach
    void erpNextOn() {
        fakes.reset();
        jdbc.sql("DELETE FROM automation.erpnext_sync_watermark").update();
        ErpNextSyncs enabled = new ErpNextSyncs(new ErpNextSettings(true, null, null, null, 0, null, null), runner, runs, dataSource);
        enabledApi = MockMvcBuilders.standaloneSetup(new ErpNextSyncController(enabled)).setControllerAdvice(problems).build();
    }

    @Test
    void onlyAdminsMaySyncOrReadSyncs() {
        long runsBefore = count("erpnext_sync_run");
        assertThat(as("ops").postForEntity("/api/admin/erpnext/syncs", null, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("analyst").postForEntity("/api/admin/erpnext/syncs", null, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("ops").getForEntity("/api/admin/erpnext/syncs/1", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.postForEntity("/api/admin/erpnext/syncs", null, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(count("erpnext_sync_run")).isEqualTo(runsBefore);
    }

    @Test
    void withErpNextOffTheEndpointsAnswer409() {
        long runsBefore = count("erpnext_sync_run");
        ResponseEntity<JsonNode> refused = as("admin").exchange("/api/admin/erpnext/syncs", HttpMethod.POST, null, JsonNode.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(refused.getBody().path("detail").asText()).startsWith("ERPNext is not enabled");
        assertThat(as("admin").getForEntity("/api/admin/erpnext/syncs/1", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(count("erpnext_sync_run")).isEqualTo(runsBefore);
    }

    @Test
    void aSyncStartsInTheBackgroundAndIsFollowedToItsEnd() throws Exception {
        ErpMasterData erp = new ErpMasterData(fakes.erpNext()).enterAll();
        erp.subscription("SUB-" + erp.p + "-9", "C-" + erp.p + "-404", erp.fibre, "10.00", "2026-01-01", "Active");

        String body = enabledApi.perform(post("/api/admin/erpnext/syncs")).andExpect(status().isAccepted())
                .andReturn().getResponse().getContentAsString();
        long id = json.readTree(body).path("id").asLong();
        await().atMost(Duration.ofSeconds(60)).until(() -> !"running".equals(read(id).path("status").asText()));

        JsonNode run = read(id);
        assertThat(run.path("id").asLong()).isEqualTo(id);
        assertThat(run.path("status").asText()).isEqualTo("completed");
        assertThat(run.path("doctypes").path("Customer").path("read").asInt()).isEqualTo(2);
        assertThat(run.path("doctypes").path("Customer").path("created").asInt()).isEqualTo(2);
        assertThat(run.path("doctypes").path("Service Subscription").path("read").asInt()).isEqualTo(4);
        assertThat(run.path("doctypes").path("Service Subscription").path("rejected").asInt()).isEqualTo(1);
        assertThat(run.path("rejects")).hasSize(1);
        JsonNode reject = run.path("rejects").get(0);
        assertThat(reject.path("doctype").asText()).isEqualTo("Service Subscription");
        assertThat(reject.path("name").asText()).isEqualTo("SUB-" + erp.p + "-9");
        assertThat(reject.path("field").asText()).isEqualTo("customer");
        assertThat(reject.path("reason").asText()).isEqualTo("unknown customer C-" + erp.p + "-404");

        enabledApi.perform(get("/api/admin/erpnext/syncs/999999999")).andExpect(status().isNotFound());
    }

    @Test
    void aSecondSyncWhileOneRunsIs409() throws Exception {
        long runsBefore = count("erpnext_sync_run");
        try (SyncLock running = SyncLock.tryAcquire(dataSource).orElseThrow()) {
            enabledApi.perform(post("/api/admin/erpnext/syncs")).andExpect(status().isConflict())
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("An ERPNext sync is already running")));
        }
        assertThat(count("erpnext_sync_run")).isEqualTo(runsBefore);
    }

    private JsonNode read(long id) throws Exception {
        return json.readTree(enabledApi.perform(get("/api/admin/erpnext/syncs/" + id)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }
}
