package ca.gigafibre.automation.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every process has its picture, drawn from its current content, and processes/README.md shows it: a new or changed BPMN
 * without {@code scripts/render-processes} fails the build. The renderer writes the BPMN's SHA-256 into the SVG.
 */
class ProcessPicturesTest {

    private static final Path PROCESSES = Path.of("processes");

    @Test
    void everyProcessHasAPictureDrawnFromItsCurrentContent() throws IOException {
        List<Path> models = bpmnFiles();
        assertThat(models).as("processes/*.bpmn").isNotEmpty();
        for (Path bpmn : models) {
            String name = name(bpmn);
            Path svg = PROCESSES.resolve("pictures").resolve(name + ".svg");
            assertThat(svg).as("%s has no picture: run scripts/render-processes", bpmn).exists();
            assertThat(Files.readString(svg, StandardCharsets.UTF_8))
                    .as("%s is older than %s: run scripts/render-processes %s", svg, bpmn, bpmn)
                    .contains("<!-- bpmn: " + name + ".bpmn sha256: " + sha256(bpmn) + " -->");
        }
    }

    @Test
    void processesReadmeShowsEveryPicture() throws IOException {
        String readme = Files.readString(PROCESSES.resolve("README.md"), StandardCharsets.UTF_8);
        for (Path bpmn : bpmnFiles()) {
            assertThat(readme).as("processes/README.md shows %s", bpmn)
                    .contains("](pictures/" + name(bpmn) + ".svg)")
                    .contains("### `" + name(bpmn) + "`");
        }
    }

    @Test
    void noPictureOutlivesItsProcess() throws IOException {
        try (Stream<Path> pictures = Files.list(PROCESSES.resolve("pictures"))) {
            for (Path svg : pictures.toList()) {
                String name = svg.getFileName().toString().replaceFirst("\\.svg$", "");
                assertThat(PROCESSES.resolve(name + ".bpmn")).as("%s draws a process that is gone: delete it", svg).exists();
            }
        }
    }

    private static List<Path> bpmnFiles() throws IOException {
        try (Stream<Path> files = Files.list(PROCESSES)) {
            return files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
        }
    }

    private static String name(Path bpmn) {
        return bpmn.getFileName().toString().replaceFirst("\\.bpmn$", "");
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
