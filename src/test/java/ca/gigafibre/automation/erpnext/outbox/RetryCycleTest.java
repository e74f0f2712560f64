package ca.gigafibre.automation.erpnext.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The outbox reads the adapters' retry cycle as Camunda does. */
class RetryCycleTest {

    @Test
    void readsRetriesAndDelay() {
        RetryCycle cycle = new RetryCycle("R3/PT5M");
        assertThat(cycle.retries()).isEqualTo(3);
        assertThat(cycle.delay()).isEqualTo(Duration.ofMinutes(5));
        RetryCycle other = new RetryCycle("R4/PT20S");
        assertThat(other.retries()).isEqualTo(4);
        assertThat(other.delay()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void refusesWhatIsNotACycle() {
        assertThatThrownBy(() -> new RetryCycle("three times")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("automation.adapters.retry-cycle");
    }
}
