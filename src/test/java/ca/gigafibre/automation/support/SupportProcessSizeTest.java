package ca.gigafibre.automation.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.junit.jupiter.api.Test;

/**
 * Every support process reads on one screen: at most 25 flow nodes (tasks, gateways, events, subprocesses and their
 * contents, boundary events). support-resolution keeps that by calling its stages as processes of their own.
 */
class SupportProcessSizeTest {

    private static final int SCREENFUL = 25;
    private static final Path PROCESSES = Path.of("processes");

    @Test
    void everySupportProcessHasAtMost25FlowNodes() throws IOException {
        List<Path> files = supportProcesses();

        assertThat(files).extracting(file -> file.getFileName().toString())
                .contains("support-resolution.bpmn", "support-remote-fix.bpmn", "support-work-order.bpmn");
        for (Path file : files) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            assertThat(model.getModelElementsByType(FlowNode.class)).as(file.getFileName() + " flow nodes").hasSizeLessThanOrEqualTo(SCREENFUL);
        }
    }

    @Test
    void supportResolutionCallsItsStagesWithTheTicketAsBusinessKey() throws IOException {
        BpmnModelInstance resolution = Bpmn.readModelFromFile(PROCESSES.resolve("support-resolution.bpmn").toFile());
        List<String> processKeys = supportProcesses().stream()
                .flatMap(file -> Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(Process.class).stream())
                .map(Process::getId).toList();

        assertThat(resolution.getModelElementsByType(CallActivity.class)).extracting(CallActivity::getCalledElement)
                .containsExactlyInAnyOrder("support-remote-fix", "support-work-order");
        for (CallActivity call : resolution.getModelElementsByType(CallActivity.class)) {
            assertThat(processKeys).as("the process %s calls", call.getId()).contains(call.getCalledElement());
            // messages to the ticket (WorkOrderLogged) are correlated by business key: the called stage must carry it
            assertThat(call.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list())
                    .extracting(CamundaIn::getCamundaBusinessKey).contains("${ticketId}");
        }
    }

    private static List<Path> supportProcesses() throws IOException {
        try (Stream<Path> files = Files.list(PROCESSES)) {
            return files.filter(file -> file.getFileName().toString().matches("support-.*\\.bpmn")).sorted().toList();
        }
    }
}
