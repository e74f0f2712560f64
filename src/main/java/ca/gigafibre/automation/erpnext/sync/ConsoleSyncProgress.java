package ca.gigafibre.automation.erpnext.sync;

import ca.gigafibre.automation.legacy.ConsoleProgress;
import java.io.PrintStream;

/** The command line's view of a sync: the legacy import's progress line per doctype (ERPNext gives no totals), then its counts. */
final class ConsoleSyncProgress implements SyncProgress {

    private static final long UNKNOWN_TOTAL = -1;

    private final PrintStream out;
    private final ConsoleProgress bar;

    ConsoleSyncProgress(PrintStream out) {
        this.out = out;
        this.bar = new ConsoleProgress(out);
    }

    @Override
    public void doctypeStarted(String doctype) {
        bar.tableStarted(doctype, UNKNOWN_TOTAL, 0);
    }

    @Override
    public void pageDone(String doctype, int read) {
        bar.batchDone(doctype, read, UNKNOWN_TOTAL);
    }

    @Override
    public void doctypeFinished(String doctype, SyncRunView.Counts counts) {
        bar.lastLine(doctype, counts.read(), UNKNOWN_TOTAL);
        out.printf("%n%-20s created %,d, updated %,d, unchanged %,d, rejected %,d%n", "", counts.created(), counts.updated(),
                counts.unchanged(), counts.rejected());
    }
}
