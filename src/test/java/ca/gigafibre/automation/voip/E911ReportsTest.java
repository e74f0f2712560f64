package ca.gigafibre.automation.voip;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.adapter.AdapterEndpoints;
import ca.gigafibre.automation.adapter.fake.FakeExternalSystems;
import ca.gigafibre.automation.demo.FakeSystemsSync;
import ca.gigafibre.automation.testing.IntegrationTest;
import ca.gigafibre.automation.testing.ScaleOneData;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** The DID report, 911 audit and orphan report over generated data at scale 1.0 (790 lines, 1,014 addresses). */
class E911ReportsTest extends IntegrationTest {

    @Autowired
    ScaleOneData data;

    @Autowired
    FakeExternalSystems fakes;

    @Autowired
    FakeSystemsSync providerSync;

    @Autowired
    AdapterEndpoints endpoints;

    @BeforeEach
    void scaleOneWithTheProviderInLine() {
        data.ensure();
        fakes.reset();
        providerSync.syncE911();
    }

    @Test
    void didReportListsEveryLineWithItsSyncStatus() {
        JsonNode report = as("ops").getForObject("/api/reports/dids", JsonNode.class);

        assertThat(report).hasSize(790);
        assertThat(report.findValuesAsText("syncStatus")).containsOnly("synced");
        assertThat(report.get(0).path("customerId").asText()).startsWith("C-");
        assertThat(report.get(0).path("e911Address").asText()).isNotBlank();
    }

    @Test
    void auditFindsAPlantedMismatchButNotAMereAbbreviation() {
        String[] dids = jdbc.sql("SELECT did FROM automation.voip_line ORDER BY did LIMIT 2").query(String.class).list().toArray(String[]::new);
        jdbc.sql("UPDATE automation.e911_address SET street_number = street_number || '1' WHERE did = :did").param("did", dids[0]).update();
        jdbc.sql("UPDATE automation.e911_address SET street_name = regexp_replace(street_name, '^Rue ', 'R. '), "
                + "postal_code = lower(replace(postal_code, ' ', '')) WHERE did = :did").param("did", dids[1]).update();
        try {
            JsonNode audit = as("ops").getForObject("/api/reports/e911-audit", JsonNode.class);

            assertThat(audit.findValuesAsText("did")).containsExactly(dids[0]);
            assertThat(audit.get(0).path("differingFields").asText()).isEqualTo("streetNumber");
            JsonNode report = as("ops").getForObject("/api/reports/dids", JsonNode.class);
            assertThat(report.findValuesAsText("syncStatus").stream().filter("mismatch"::equals)).hasSize(1);
        } finally {
            jdbc.sql("UPDATE automation.e911_address a SET street_number = l.street_number, street_name = l.street_name, "
                    + "postal_code = l.postal_code FROM automation.voip_line v JOIN automation.service_location l ON l.id = v.location_id "
                    + "WHERE v.did = a.did AND a.did IN (:dids)").param("dids", java.util.List.of(dids)).update();
        }
    }

    @Test
    void orphanReportFindsThe224AndARegistrationOnlyTheProviderHolds() {
        JsonNode orphans = as("ops").getForObject("/api/reports/e911-orphans", JsonNode.class);
        assertThat(orphans).hasSize(224);
        assertThat(orphans.findValuesAsText("source")).containsOnly("both");

        fakes.preloadE911("8195550000", Map.of("firstName", "Oublié", "lastName", "Client", "streetNumber", "1",
                "streetName", "Rue Oubliée", "city", "Granby", "province", "QC", "postalCode", "J2G 1A1", "serviceClass", "RES"));

        JsonNode withForgotten = as("ops").getForObject("/api/reports/e911-orphans", JsonNode.class);
        assertThat(withForgotten).hasSize(225);
        assertThat(withForgotten.findValuesAsText("source").stream().filter("provider"::equals)).hasSize(1);
        assertThat(withForgotten.toString()).contains("8195550000");
    }

    @Test
    void reportsAreAlsoCsv() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Accept", "text/csv");
        ResponseEntity<String> csv = as("ops").exchange("/api/reports/dids", HttpMethod.GET, new HttpEntity<>(headers), String.class);

        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        String[] lines = csv.getBody().split("\n");
        assertThat(lines[0]).startsWith("did,customerId,customerName,lineState,locationId,serviceAddress,e911Address,syncStatus");
        assertThat(lines).hasSize(791);
    }
}
