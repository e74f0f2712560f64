package ca.gigafibre.automation.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;

/**
 * Every sales process is a screenful: at most 25 flow nodes (tasks, gateways, events, call activities, boundary events),
 * so sales-activation is split by stage into called processes instead of growing.
 */
class SalesProcessesFitOnAScreenTest {

    private static final int SCREENFUL = 25;

    @Test
    void everySalesProcessHasAtMost25FlowNodes() throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(Path.of("processes"))) {
            files = listed.filter(f -> f.getFileName().toString().matches("sales-.*\\.bpmn")).sorted().toList();
        }

        assertThat(files).extracting(f -> f.getFileName().toString())
                .contains("sales-activation.bpmn", "sales-signature.bpmn", "sales-installation.bpmn");
        for (Path file : files) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            assertThat(model.getModelElementsByType(Process.class)).hasSize(1);
            assertThat(model.getModelElementsByType(FlowNode.class)).as("flow nodes of %s", file.getFileName())
                    .hasSizeLessThanOrEqualTo(SCREENFUL);
        }
    }
}
