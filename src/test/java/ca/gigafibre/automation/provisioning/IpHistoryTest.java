package ca.gigafibre.automation.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.testing.IntegrationTest;
import ca.gigafibre.automation.testing.TestCustomers;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** "What IP did this customer have then?" */
class IpHistoryTest extends IntegrationTest {

    @Autowired
    TestCustomers customers;

    private String customer;
    private String current;

    @BeforeEach
    void threeAddressesOverAYear() {
        customer = customers.create("IpHistory", false, false, false);
        int n = Integer.parseInt(customer.replace("C-", ""));
        current = "203.0." + (n / 250 % 250) + "." + (n % 250 + 1);   // an IP serves one customer at a time
        insert("198.51.100.10", "2025-06-01T09:00:00-04:00", "2026-02-10T14:30:00-05:00");
        insert("198.51.100.20", "2026-02-10T14:30:00-05:00", "2026-04-01T00:00:00-04:00");
        insert(current, "2026-04-01T00:00:00-04:00", null);
    }

    @Test
    void answersWithTheAddressInForceAtThatMontrealTime() {
        assertThat(ipAt("2026-03-15T10:00")).containsExactly("198.51.100.20");
        assertThat(ipAt("2026-02-10T14:29")).containsExactly("198.51.100.10");
        assertThat(ipAt("2026-02-10T14:30")).containsExactly("198.51.100.20");
        assertThat(ipAt("2026-11-01T12:00")).containsExactly(current);
        assertThat(ipAt("2025-01-01T12:00")).isEmpty();
        assertThat(ipAt("2026-03-31T23:59:59-04:00")).containsExactly("198.51.100.20");
    }

    @Test
    void withoutAtTheWholeHistoryNewestFirst() {
        JsonNode history = as("ops").getForObject("/api/customers/" + customer + "/ip-history", JsonNode.class);
        assertThat(history.findValuesAsText("ip")).containsExactly(current, "198.51.100.20", "198.51.100.10");
        assertThat(history.get(0).has("releasedAt")).isFalse();
        assertThat(history.get(2).path("assignedAt").asText()).isEqualTo("2025-06-01T09:00:00-04:00");
    }

    @Test
    void aDateThatIsNotOneIsNamed() {
        ResponseEntity<JsonNode> answer = as("ops").getForEntity("/api/customers/" + customer + "/ip-history?at=15 mars", JsonNode.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(answer.getBody().path("errors").get(0).path("field").asText()).isEqualTo("at");
    }

    private java.util.List<String> ipAt(String at) {
        return as("ops").getForObject("/api/customers/{id}/ip-history?at={at}", JsonNode.class, customer, at).findValuesAsText("ip");
    }

    private void insert(String ip, String from, String to) {
        jdbc.sql("""
                INSERT INTO automation.ip_assignment (customer_id, ip, assigned_at, released_at)
                SELECT id, CAST(:ip AS inet), CAST(:from AS timestamptz), CAST(:to AS timestamptz) FROM automation.customer WHERE customer_no = :no
                """).param("ip", ip).param("from", from).param("to", to).param("no", customer).update();
    }
}
