package ca.gigafibre.automation.erpnext.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gigafibre.automation.adapter.AdapterProperties;
import ca.gigafibre.automation.testing.BoundSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The outbox reads the adapters' retry cycle as Camunda does. */
class RetryCycleTest {

    @Test
    void readsRetriesAndDelay() {
        RetryCycle cycle = new RetryCycle(BoundSettings.defaults("automation.adapters", AdapterProperties.class));
        assertThat(cycle.retries()).isEqualTo(3);
        assertThat(cycle.delay()).isEqualTo(Duration.ofMinutes(5));
        RetryCycle other = new RetryCycle(adapters("R4/PT20S"));
        assertThat(other.retries()).isEqualTo(4);
        assertThat(other.delay()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void refusesWhatIsNotACycle() {
        assertThatThrownBy(() -> new RetryCycle(adapters("three times"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("automation.adapters.retry-cycle");
    }

    private static AdapterProperties adapters(String retryCycle) {
        return BoundSettings.bind("automation.adapters", AdapterProperties.class, Map.of("automation.adapters.retry-cycle", retryCycle));
    }
}
