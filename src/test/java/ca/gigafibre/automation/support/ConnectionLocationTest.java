package ca.gigafibre.automation.support;

import ca.gigafibre.automation.customer.CustomerNo;
import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.adapter.fake.FakeExternalSystems;
import ca.gigafibre.automation.customer.CustomerRepository;
import ca.gigafibre.automation.customer.NewLocation;
import ca.gigafibre.automation.testing.IntegrationTest;
import ca.gigafibre.automation.testing.TestCustomers;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** {@code /connection} and {@code /cpe/reboot} act on the location asked for: one of the customer's, or the only one. */
class ConnectionLocationTest extends IntegrationTest {

    @Autowired
    TestCustomers testCustomers;

    @Autowired
    CustomerRepository customers;

    @Autowired
    FakeExternalSystems fakes;

    private String customer;
    private String home;
    private String cottage;
    private String serial;

    @BeforeEach
    void aCustomerWithTwoLocationsAndAnOntAtTheSecond() {
        customer = testCustomers.create("DeuxLieux", false, false, false);
        long customerId = customers.idOf(CustomerNo.of(customer), "id");
        home = customers.locations(customerId).get(0).id();
        cottage = customers.insertLocation(customerId, new NewLocation("4", null, "Chemin du Lac", "Bromont", "QC", "J2L 1A1", null, null,
                "OLT-EAST", "1/2/5"));
        serial = "TPLG" + customer.replace("C-", "") + "77";
        jdbc.sql("""
                INSERT INTO automation.equipment (customer_id, location_id, kind, serial, model, status)
                SELECT :c, id, 'ont', :serial, 'ONT', 'installed' FROM automation.service_location WHERE location_no = :loc
                """).param("c", customerId).param("serial", serial).param("loc", cottage).update();
        fakes.preloadOnt(serial, "OLT-EAST", "1/2/5", customer, "enabled");
    }

    @Test
    void theLocationAskedForIsDiagnosed() {
        JsonNode connection = as("ops").getForObject("/api/customers/{id}/connection?locationId={loc}", JsonNode.class, customer, cottage);

        assertThat(connection.path("locationId").asText()).isEqualTo(cottage);
        assertThat(connection.path("ontSerial").asText()).isEqualTo(serial);
        assertThat(connection.path("ontState").asText()).isEqualTo("enabled");
        JsonNode homeConnection = as("ops").getForObject("/api/customers/{id}/connection?locationId={loc}", JsonNode.class, customer, home);
        assertThat(homeConnection.path("locationId").asText()).isEqualTo(home);
        assertThat(homeConnection.hasNonNull("ontSerial")).isFalse();
    }

    @Test
    void withSeveralLocationsNoneGivenIsA400NamingLocationId() {
        assertLocationIdRefused(as("ops").getForEntity("/api/customers/{id}/connection", JsonNode.class, customer));
        assertLocationIdRefused(as("ops").postForEntity("/api/customers/{id}/cpe/reboot", null, JsonNode.class, customer));
    }

    @Test
    void anotherCustomersLocationIsA400NamingLocationIdAndNothingIsRebooted() {
        String other = testCustomers.create("Voisin", false, false, false);
        String theirs = customers.locations(customers.idOf(CustomerNo.of(other), "id")).get(0).id();
        long rebootsBefore = count("audit_log WHERE action = 'cpe.rebooted'");

        assertLocationIdRefused(as("ops").getForEntity("/api/customers/{id}/connection?locationId={loc}", JsonNode.class, customer, theirs));
        assertLocationIdRefused(as("ops").postForEntity("/api/customers/{id}/cpe/reboot?locationId={loc}", null, JsonNode.class, customer, theirs));
        assertLocationIdRefused(as("ops").getForEntity("/api/customers/{id}/connection?locationId=LOC-NOPE", JsonNode.class, customer));
        assertThat(count("audit_log WHERE action = 'cpe.rebooted'")).isEqualTo(rebootsBefore);
    }

    @Test
    void theOnlyLocationIsUsedWhenNoneIsGiven() {
        String single = testCustomers.create("UnLieu", false, false, false);
        String ont = testCustomers.installOnt(single, fakes);

        JsonNode connection = as("ops").getForObject("/api/customers/{id}/connection", JsonNode.class, single);

        assertThat(connection.path("ontSerial").asText()).isEqualTo(ont);
        assertThat(connection.path("locationId").asText()).isEqualTo(customers.locations(customers.idOf(CustomerNo.of(single), "id")).get(0).id());
    }

    private static void assertLocationIdRefused(ResponseEntity<JsonNode> answer) {
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().path("errors").findValuesAsText("field")).containsExactly("locationId");
    }
}
