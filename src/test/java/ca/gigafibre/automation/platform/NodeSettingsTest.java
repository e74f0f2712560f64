package ca.gigafibre.automation.platform;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.testing.BoundSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code automation.node-id}: the configured name, or host:pid when it is empty (production's {@code ${HOSTNAME:}} on a host without one). */
class NodeSettingsTest {

    @Test
    void aConfiguredNameIsTheNodes() {
        NodeSettings node = BoundSettings.bind("automation", NodeSettings.class, Map.of("automation.node-id", "engine-1"));
        assertThat(node.name()).isEqualTo("engine-1");
    }

    @Test
    void withoutOneTheNodeIsNamedByHostAndProcess() {
        String hostAndPid = ":" + ProcessHandle.current().pid();
        assertThat(BoundSettings.defaults("automation", NodeSettings.class).name()).endsWith(hostAndPid).hasSizeGreaterThan(hostAndPid.length());
        assertThat(BoundSettings.bind("automation", NodeSettings.class, Map.of("automation.node-id", "")).name()).endsWith(hostAndPid);
    }
}
