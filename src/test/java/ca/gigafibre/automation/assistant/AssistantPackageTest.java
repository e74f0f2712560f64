package ca.gigafibre.automation.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The assistant sits on top: it calls the capabilities' services; none of them imports it (no package cycle). */
class AssistantPackageTest {

    private static final Path SOURCES = Path.of("src/main/java/ca/gigafibre/automation");

    @Test
    void noOtherPackageImportsTheAssistant() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            assertThat(files.filter(p -> p.toString().endsWith(".java") && !p.startsWith(SOURCES.resolve("assistant"))).filter(p -> {
                try {
                    return Files.readString(p).contains("ca.gigafibre.automation.assistant");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList()).isEmpty();
        }
    }

    @Test
    void theInterpreterReadsTextOnly() throws IOException {
        // parsing stays apart from services and the database, so another interpreter can take its place
        try (Stream<Path> files = Files.walk(SOURCES.resolve("assistant/interpret"))) {
            assertThat(files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    String text = Files.readString(p);
                    return text.contains("import org.springframework") || text.contains("import ca.gigafibre.automation.customer")
                            || text.contains("JdbcClient");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList()).isEmpty();
        }
    }
}
