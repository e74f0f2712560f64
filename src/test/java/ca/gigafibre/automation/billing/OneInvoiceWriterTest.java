package ca.gigafibre.automation.billing;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.billing.invoice.InvoiceWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Invoices and their lines are written in one place, {@link InvoiceWriter}: every other class asks it, so taxes, due dates,
 * credit and the start of {@code billing-collections} cannot drift apart between manual, first, run, fee, labour invoices
 * and credit notes.
 */
class OneInvoiceWriterTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final String WRITER = "ca/gigafibre/automation/billing/invoice/InvoiceWriter.java";

    @Test
    void onlyTheWriterInsertsInvoices() throws IOException {
        assertThat(writersOf("INSERT INTO automation.invoice ")).containsExactly(WRITER);
        assertThat(writersOf("INSERT INTO automation.invoice(")).isEmpty();
    }

    @Test
    void onlyTheWriterInsertsInvoiceLines() throws IOException {
        assertThat(writersOf("INSERT INTO automation.invoice_line")).containsExactly(WRITER);
    }

    private static List<String> writersOf(String statement) throws IOException {
        assertThat(SOURCES).isDirectory();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> read(f).replaceAll("\\s+", " ").contains(statement))
                    .map(f -> SOURCES.relativize(f).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(file.toString(), e);
        }
    }
}
