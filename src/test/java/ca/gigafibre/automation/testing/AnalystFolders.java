package ca.gigafibre.automation.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * A private copy of processes/, forms/ and rules/ for the test context, so tests can add a broken file to it
 * without touching the project's folders.
 */
public final class AnalystFolders {

    private static Path copy;

    private AnalystFolders() {
    }

    public static synchronized Path sharedCopy() {
        if (copy == null) {
            copy = freshCopy();
        }
        return copy;
    }

    public static Path freshCopy() {
        try {
            Path target = Files.createDirectories(Path.of("target")).resolve("analyst-folders");
            Files.createDirectories(target);
            Path dir = Files.createTempDirectory(target, "copy-");
            for (String folder : new String[] {"processes", "forms", "rules"}) {
                Path source = Path.of(folder);
                try (Stream<Path> files = Files.walk(source)) {
                    for (Path file : files.toList()) {
                        Path to = dir.resolve(file.toString());
                        if (Files.isDirectory(file)) {
                            Files.createDirectories(to);
                        } else {
                            Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
