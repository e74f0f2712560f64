package ca.gigafibre.automation.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Reads the analysts' folders ({@code processes/}, {@code forms/}, {@code rules/}) from
 * {@code automation.resources-dir} when the folder is there, else from the copy packaged in the jar.
 */
@Component
public class AnalystResources {

    private final Path baseDir;
    private final PathMatchingResourcePatternResolver classpath = new PathMatchingResourcePatternResolver();

    public AnalystResources(ResourcesSettings settings) {
        this.baseDir = Path.of(settings.resourcesDir()).toAbsolutePath().normalize();
    }

    /** Files of {@code folder} whose names end with one of {@code extensions}, sorted by name. */
    public List<AnalystResource> list(String folder, String... extensions) {
        Path dir = baseDir.resolve(folder);
        List<AnalystResource> found = Files.isDirectory(dir) ? fromFolder(dir, extensions) : fromClasspath(folder, extensions);
        found.sort(Comparator.comparing(AnalystResource::name));
        return found;
    }

    public String describeSource(String folder) {
        Path dir = baseDir.resolve(folder);
        return Files.isDirectory(dir) ? dir.toString() : "classpath:" + folder;
    }

    private List<AnalystResource> fromFolder(Path dir, String... extensions) {
        try (Stream<Path> files = Files.walk(dir)) {
            List<AnalystResource> result = new ArrayList<>();
            for (Path file : files.filter(Files::isRegularFile).filter(p -> matches(p.toString(), extensions)).toList()) {
                String name = baseDir.relativize(file).toString().replace('\\', '/');
                result.add(new AnalystResource(name, Files.readAllBytes(file)));
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + dir, e);
        }
    }

    private List<AnalystResource> fromClasspath(String folder, String... extensions) {
        try {
            List<AnalystResource> result = new ArrayList<>();
            for (Resource resource : classpath.getResources("classpath*:" + folder + "/**/*")) {
                String url = resource.getURL().toString();
                if (!resource.isReadable() || !matches(url, extensions)) {
                    continue;
                }
                String name = url.substring(url.lastIndexOf(folder + "/"));
                try (InputStream in = resource.getInputStream()) {
                    result.add(new AnalystResource(name, in.readAllBytes()));
                }
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read classpath:" + folder, e);
        }
    }

    private static boolean matches(String name, String... extensions) {
        for (String extension : extensions) {
            if (name.endsWith(extension)) {
                return true;
            }
        }
        return false;
    }
}
