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
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.junit.jupiter.api.Test;

/**
 * support-resolution reads on one screen (EveryProcessFitsOnAScreenTest) by calling its stages as processes of their own,
 * each with the ticket as business key.
 */
class SupportProcessShapeTest {

    private static final Path PROCESSES = Path.of("processes");

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
