package ca.gigafibre.automation.erpnext.sync;

import ca.gigafibre.automation.platform.error.ConflictException;
import java.io.PrintStream;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Command line: {@code --sync-erpnext} syncs master data from ERPNext in the foreground with a progress bar per doctype,
 * prints the counts and the first rejects, and exits (0 completed, 1 failed, 2 refused: not enabled or a sync running).
 */
@Component
public class ErpNextSyncCommand implements ApplicationRunner {

    private final ErpNextSyncs syncs;
    private final ConfigurableApplicationContext context;

    public ErpNextSyncCommand(ErpNextSyncs syncs, ConfigurableApplicationContext context) {
        this.syncs = syncs;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption("sync-erpnext")) {
            return;
        }
        int code = sync(syncs, System.out, System.err);
        System.exit(SpringApplication.exit(context, () -> code));
    }

    static int sync(ErpNextSyncs syncs, PrintStream out, PrintStream err) {
        long id;
        try {
            id = syncs.runHere("command-line", new ConsoleSyncProgress(out));
        } catch (ConflictException e) {
            err.println("Sync refused: " + e.getMessage());
            return 2;
        }
        SyncRunView run = syncs.view(id).orElseThrow();
        out.printf("%nERPNext sync %d: %s%s%n", run.id(), run.status(), run.error() == null ? "" : " — " + run.error());
        run.doctypes().forEach((doctype, c) -> out.printf("  %-22s read %,7d  created %,7d  updated %,7d  unchanged %,7d  rejected %,5d%n",
                doctype, c.read(), c.created(), c.updated(), c.unchanged(), c.rejected()));
        run.rejects().stream().limit(20).forEach(r -> out.printf("  reject %s %s %s: %s%n", r.doctype(), r.name(),
                r.field() == null ? "" : r.field(), r.reason()));
        if (run.rejects().size() > 20) {
            out.printf("  … %,d rejects in all: GET /api/admin/erpnext/syncs/%d once the engine runs%n", run.rejects().size(), run.id());
        }
        return "completed".equals(run.status()) ? 0 : 1;
    }
}
