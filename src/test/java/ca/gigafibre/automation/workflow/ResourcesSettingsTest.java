package ca.gigafibre.automation.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.testing.BoundSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code automation.resources-dir}: the working directory by default; the analysts' folders are read from the configured one, the jar's copy when absent. */
class ResourcesSettingsTest {

    @Test
    void theFoldersAreReadFromTheWorkingDirectoryByDefault() {
        ResourcesSettings settings = BoundSettings.defaults("automation", ResourcesSettings.class);
        assertThat(settings.resourcesDir()).isEqualTo(".");
        assertThat(new AnalystResources(settings).describeSource("processes")).isEqualTo(Path.of("processes").toAbsolutePath().toString());
    }

    @Test
    void theConfiguredFolderIsReadAndTheJarsCopyWhenAFolderIsAbsent(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("forms"));
        Files.writeString(dir.resolve("forms/only-here.form"), "{}");
        AnalystResources resources = new AnalystResources(BoundSettings.bind("automation", ResourcesSettings.class,
                Map.of("automation.resources-dir", dir.toString())));

        assertThat(resources.list("forms", ".form")).extracting(AnalystResource::name).containsExactly("forms/only-here.form");
        assertThat(resources.describeSource("processes")).isEqualTo("classpath:processes");
    }
}
