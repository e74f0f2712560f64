package ca.gigafibre.automation.platform.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.testing.AnalystFolders;
import ca.gigafibre.automation.testing.ClusterNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The commands as an operator runs them, each in a JVM of its own (they end with System.exit): the configuration asks
 * for the job executor and Quartz, yet the command's run has both off before the command starts, and then runs.
 */
class OneShotCommandStartupTest {

    @ParameterizedTest(name = "--{0}")
    @CsvSource({"rotate-secrets, 0, Secrets by key", "import-legacy, 2, --import-legacy needs --legacy-url"})
    void theCommandRunsWithTheJobExecutorAndQuartzOff(String command, int exitCode, String commandOutput) throws Exception {
        Path log = Path.of("target", "one-shot-" + command + ".log");
        List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Duser.timezone=UTC", "-cp", ClusterNode.classpath(),
                ClusterNode.class.getName(), "--server.port=0", "--automation.embedded-postgres.port=" + ClusterNode.freePort(),
                "--automation.fakes.port=" + ClusterNode.freePort(), "--automation.fakes.smtp-port=" + ClusterNode.freePort(),
                "--automation.resources-dir=" + AnalystFolders.freshCopy(), "--automation.demo.load-on-start=false",
                "--camunda.bpm.process-engine-name=one-shot", "--camunda.bpm.job-execution.enabled=true",
                "--spring.quartz.auto-startup=true", "--" + command));
        Process run = new ProcessBuilder(java).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            assertThat(run.waitFor(5, TimeUnit.MINUTES)).as("finished, see " + log).isTrue();
        } finally {
            run.destroyForcibly();
        }
        String output = Files.readString(log);

        assertThat(output).contains("command --" + command + ": Camunda job executor and Quartz off").contains(commandOutput);
        assertThat(run.exitValue()).as(log.toString()).isEqualTo(exitCode);
    }
}
