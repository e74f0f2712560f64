package ca.gigafibre.automation.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every process under processes/ reads on one screen — at most 25 flow nodes (tasks, gateways, events, call activities,
 * subprocesses and what they hold, boundary events) — and catches each of its messages in one place: a message that
 * can arrive at several points of a flow is caught by one event subprocess or one boundary around them, so there is
 * one place to read (and change) what it does.
 */
class EveryProcessFitsOnAScreenTest {

    private static final int SCREENFUL = 25;

    static List<Path> processes() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            return files.filter(file -> file.getFileName().toString().endsWith(".bpmn")).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("processes")
    void hasAtMost25FlowNodes(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());

        assertThat(model.getModelElementsByType(FlowNode.class)).as("flow nodes of %s", file.getFileName())
                .hasSizeLessThanOrEqualTo(SCREENFUL);
    }

    @ParameterizedTest
    @MethodSource("processes")
    void catchesEachMessageOnce(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());

        Stream<String> events = model.getModelElementsByType(MessageEventDefinition.class).stream()
                .filter(definition -> definition.getMessage() != null && definition.getParentElement() instanceof CatchEvent)
                .map(definition -> definition.getMessage().getName() + " at " + ((CatchEvent) definition.getParentElement()).getId());
        Stream<String> receives = model.getModelElementsByType(ReceiveTask.class).stream()
                .filter(task -> task.getMessage() != null).map(task -> task.getMessage().getName() + " at " + task.getId());
        Map<String, List<String>> catchesByMessage = Stream.concat(events, receives)
                .collect(Collectors.groupingBy(at -> at.substring(0, at.indexOf(" at ")), Collectors.mapping(Function.identity(),
                        Collectors.toList())));

        assertThat(catchesByMessage).as("places %s catches each message", file.getFileName())
                .allSatisfy((message, places) -> assertThat(places).as(message).hasSize(1));
    }
}
