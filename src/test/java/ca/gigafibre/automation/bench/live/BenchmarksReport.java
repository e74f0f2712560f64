package ca.gigafibre.automation.bench.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** BENCHMARKS.md: the machine, the date, the table of figures with their anchors and targets, the growth table, the notes. */
final class BenchmarksReport {

    private final StringBuilder md = new StringBuilder();

    BenchmarksReport(Machine machine, double scale, String command) {
        md.append("# Benchmarks — the running engine / Bancs d'essai — le moteur en marche\n\n")
                .append("Written by `").append(command).append("` (see README, *Benchmarks*): the engine started with the README's run command ")
                .append("(`mvn spring-boot:run`, job executor on, ERPNext on) in a home of its own, the demo data loaded at scale ")
                .append(scale).append(", every figure measured over HTTP and its anchor measured in the same run.\n\n");
        if (scale < 1.0) {
            md.append("> **Scale ").append(scale).append(", not the reference.** Measured while other builds shared the cores: these figures show the ")
                    .append("harness works, not the engine's performance. The reference is `bench/run` at scale 1.0 on a quiet machine.\n\n");
        }
        md.append("| machine | |\n|---|---|\n")
                .append("| date | ").append(OffsetDateTime.now(ZoneId.of("America/Montreal")).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append(" |\n")
                .append("| cores | ").append(machine.cores()).append(" |\n")
                .append("| RAM | ").append(machine.memory()).append(" |\n")
                .append("| CPU | ").append(machine.cpu()).append(" |\n")
                .append("| Java | ").append(machine.java()).append(" |\n")
                .append("| PostgreSQL | ").append(machine.postgres()).append(" (the engine's embedded cluster) |\n\n");
    }

    void figures(List<Figure> figures) {
        md.append("## Figures\n\n| figure | value | anchor (same run) | ratio | target | met? |\n|---|---|---|---|---|---|\n");
        for (Figure f : figures) {
            md.append("| ").append(f.name()).append(" | ").append(f.value()).append(" | ").append(f.anchor()).append(" | ").append(f.ratio())
                    .append(" | ").append(f.target()).append(" | ").append(f.met()).append(" |\n");
        }
        md.append("\n### Notes\n\n");
        for (Figure f : figures) {
            if (f.notes() != null && !f.notes().isBlank()) {
                md.append("- **").append(f.name()).append("**: ").append(f.notes()).append('\n');
            }
        }
        md.append('\n');
    }

    void growth(List<String> rows) {
        if (rows.isEmpty()) {
            return;
        }
        md.append("## Growth / Croissance\n\n")
                .append("| scale | customers | invoices | billing to quiescence | ms per invoice | sweep after the run | sweep ms per 1,000 accounts | ")
                .append("storm timers/s | search p95 | Customer 360 p95 |\n|---|---|---|---|---|---|---|---|---|---|\n");
        rows.forEach(row -> md.append(row).append('\n'));
        md.append('\n');
    }

    void section(String title, String text) {
        md.append("## ").append(title).append("\n\n").append(text).append("\n\n");
    }

    void write(Path file) throws IOException {
        Files.writeString(file, md.toString());
    }
}
