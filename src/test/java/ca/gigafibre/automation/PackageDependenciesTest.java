package ca.gigafibre.automation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Billing publishes what happened to money (payment recorded, payment reversed) and collections listen: billing never
 * reaches into collections, so the two capabilities do not import each other.
 */
class PackageDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java/ca/gigafibre/automation");

    @Test
    void billingDoesNotImportCollections() throws IOException {
        assertThat(filesImporting(SOURCES.resolve("billing"), "import ca.gigafibre.automation.collections.")).isEmpty();
    }

    @Test
    void collectionsListenToBillingEvents() throws IOException {
        // the other direction stays: collections read billing's events and services
        assertThat(filesImporting(SOURCES.resolve("collections"), "import ca.gigafibre.automation.billing.PaymentReversed;"))
                .extracting(path -> path.getFileName().toString()).containsExactly("CollectionsOnReversal.java");
    }

    private static List<Path> filesImporting(Path root, String importLine) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(path -> path.toString().endsWith(".java")).filter(path -> {
                try {
                    return Files.readAllLines(path).stream().anyMatch(line -> line.startsWith(importLine));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
