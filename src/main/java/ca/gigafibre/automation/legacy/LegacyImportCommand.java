package ca.gigafibre.automation.legacy;

import ca.gigafibre.automation.platform.error.ConflictException;
import ca.gigafibre.automation.platform.error.InvalidRequestException;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Command-line entry, with the engine stopped: {@code --import-legacy --legacy-url=jdbc:mariadb://host/db
 * --legacy-user=reader [--legacy-password=...] [--dry-run] [--tables=pbx,phone_addr]} imports in the foreground with a
 * progress bar, prints the report's totals and exits (0 finished, 1 stopped, 2 refused). Without
 * {@code --legacy-password} the password is read from {@code LEGACY_DB_PASSWORD}.
 */
@Component
public class LegacyImportCommand implements ApplicationRunner {

    private final LegacyImports imports;
    private final ConfigurableApplicationContext context;

    public LegacyImportCommand(LegacyImports imports, ConfigurableApplicationContext context) {
        this.imports = imports;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption("import-legacy")) {
            return;
        }
        int code = importLegacy(args);
        System.exit(SpringApplication.exit(context, () -> code));
    }

    int importLegacy(ApplicationArguments args) {
        String url = option(args, "legacy-url");
        String user = option(args, "legacy-user");
        String password = args.containsOption("legacy-password") ? option(args, "legacy-password") : System.getenv("LEGACY_DB_PASSWORD");
        List<String> tables = args.containsOption("tables")
                ? Arrays.stream(option(args, "tables").split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList() : null;
        if (url == null || user == null) {
            System.err.println("--import-legacy needs --legacy-url=jdbc:mariadb://host:3306/db and --legacy-user=...");
            return 2;
        }
        ImportRequest request = new ImportRequest(url, user, password, args.containsOption("dry-run"), tables);
        LegacyImports.Started started;
        try {
            started = imports.runInForeground(request, "command-line", new ConsoleProgress(System.out));
        } catch (InvalidRequestException e) {
            System.err.println("Import refused: " + e.getMessage());
            return 2;
        } catch (ConflictException e) {
            System.err.println("Import refused: " + e.getMessage());
            return 2;
        }
        ImportReport report = imports.report(started.id()).orElseThrow();
        System.out.printf("%nLegacy import %d%s: %s%s%n", report.id(), started.resumed() ? " (resumed)" : "",
                report.dryRun() ? "dry run, nothing written, " + report.status() : report.status(),
                report.error() == null ? "" : " — " + report.error());
        report.tables().forEach((table, t) -> System.out.printf("  %-20s %-8s read %,7d  imported %,7d  unchanged %,7d  rejected %,5d  repaired %,5d%n",
                table, t.status(), t.read(), t.imported(), t.unchanged(), t.rejected(), t.repaired()));
        report.rejects().stream().limit(20).forEach(r -> System.out.printf("  reject %s #%s %s: %s%n", r.table(), r.legacyId(), r.field(), r.reason()));
        if (report.rejects().size() > 20) {
            System.out.printf("  … %,d rejects in all: GET /api/admin/imports/%d (Accept: text/csv) once the engine runs%n", report.rejects().size(),
                    report.id());
        }
        return "finished".equals(report.status()) ? 0 : 1;
    }

    private static String option(ApplicationArguments args, String name) {
        List<String> values = args.getOptionValues(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
