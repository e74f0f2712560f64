package ca.gigafibre.automation.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.convert.support.DefaultConversionService;

/** The typed customer number: never blank, the bare string in JSON and in a request path, and its row id beside it in a ref. */
class CustomerNoTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aBlankOrMissingNumberIsRefused() {
        for (String blank : new String[] {null, "", "  "}) {
            assertThatThrownBy(() -> CustomerNo.of(blank)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("customer number");
        }
    }

    @Test
    void inJsonItIsTheBareStringBothWays() throws Exception {
        assertThat(json.writeValueAsString(Map.of("customerId", CustomerNo.of("C-10234")))).isEqualTo("{\"customerId\":\"C-10234\"}");
        assertThat(json.readValue("\"C-10234\"", CustomerNo.class)).isEqualTo(new CustomerNo("C-10234"));
    }

    @Test
    void aPathVariableBecomesACustomerNumberAndPrintsAsItself() {
        CustomerNo converted = new DefaultConversionService().convert("C-10234", CustomerNo.class);
        assertThat(converted).isEqualTo(CustomerNo.of("C-10234"));
        assertThat("/api/customers/" + converted).isEqualTo("/api/customers/C-10234");
    }

    @Test
    void aRefCarriesTheRowIdBesideTheNumber() {
        CustomerRef ref = new CustomerRef(42, "C-10234");
        assertThat(ref.id()).isEqualTo(42);
        assertThat(ref.no()).isEqualTo(CustomerNo.of("C-10234"));
    }
}
