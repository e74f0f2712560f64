package ca.gigafibre.automation.workflow;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gigafibre.automation.AutomationApplication;
import ca.gigafibre.automation.testing.AnalystFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Start-up itself stops on a broken BPMN or DRL, naming the file (each start uses its own fresh database). */
class BrokenStartupTest {

    @Test
    void brokenBpmnStopsStartUp() throws IOException {
        Path dir = AnalystFolders.freshCopy();
        Files.writeString(dir.resolve("processes/half-written.bpmn"), "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">\n<bpmn:process id=\"x\">\n");

        assertThatThrownBy(() -> start(dir)).hasStackTraceContaining("processes/half-written.bpmn");
    }

    @Test
    void brokenDrlStopsStartUp() throws IOException {
        Path dir = AnalystFolders.freshCopy();
        Files.writeString(dir.resolve("rules/broken.drl"), "package gigafibre.broken;\n\nrule \"Half a rule\"\nwhen\n    NoSuchFact( )\nthen\nend\n");

        assertThatThrownBy(() -> start(dir)).hasStackTraceContaining("rules/broken.drl");
    }

    private static void start(Path resourcesDir) {
        new SpringApplicationBuilder(AutomationApplication.class)
                .profiles("demo", "test")
                .run("--automation.resources-dir=" + resourcesDir, "--server.port=0", "--automation.fakes.enabled=false",
                        // its own engine name, so closing it leaves the shared test engine registered
                        "--camunda.bpm.process-engine-name=broken-startup-test")
                .close();
    }
}
