package ca.gigafibre.automation.legacy;

import java.io.PrintStream;

/**
 * A progress bar per legacy table (or ERPNext doctype) on the console: rows done, rows per second and the time left; a
 * total below 0 is unknown (rows and rows per second only).
 */
public final class ConsoleProgress implements LegacyImportProgress {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private long tableStarted;
    private long startRead;
    private long lastDrawn;

    public ConsoleProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public void tableStarted(String table, long sourceRows, long alreadyRead) {
        tableStarted = System.nanoTime();
        startRead = alreadyRead;
        lastDrawn = 0;
        draw(table, alreadyRead, sourceRows, true);
    }

    @Override
    public void batchDone(String table, long read, long sourceRows) {
        draw(table, read, sourceRows, false);
    }

    @Override
    public void tableFinished(String table, TableReport report) {
        if (report == null) {
            return;
        }
        if (!"done".equals(report.status())) {
            out.printf("%-20s %s%s%n", table, report.status(), report.message() == null ? "" : ": " + report.message());
            return;
        }
        long read = report.read();
        draw(table, read, Math.max(read, report.sourceRows() == null ? read : report.sourceRows()), true);
        out.printf("%n%-20s imported %,d, unchanged %,d, rejected %,d, repaired %,d%s%n", "", report.imported(), report.unchanged(),
                report.rejected(), report.repaired(), report.orphans() == null ? "" : ", orphans " + report.orphans());
    }

    /** The last line of a table, drawn whatever the time since the previous one. */
    public void lastLine(String table, long read, long total) {
        draw(table, read, total, true);
    }

    static String line(String table, long read, long total, double seconds, long readThisRun) {
        if (total < 0) {
            return String.format("%-20s %,7d read %,8.0f rows/s", table, read, seconds > 0 ? readThisRun / seconds : 0);
        }
        double fraction = total == 0 ? 1 : Math.min(1, (double) read / total);
        int filled = (int) Math.round(fraction * WIDTH);
        double rate = seconds > 0 ? readThisRun / seconds : 0;
        String eta = rate > 0 ? duration((long) Math.ceil((total - read) / rate)) : "--:--";
        return String.format("%-20s [%s%s] %,7d/%,d %,8.0f rows/s  ETA %s", table, "#".repeat(filled), "-".repeat(WIDTH - filled), read,
                total, rate, eta);
    }

    private void draw(String table, long read, long total, boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastDrawn < 200_000_000L) {
            return;
        }
        lastDrawn = now;
        out.print("\r" + line(table, read, total, (now - tableStarted) / 1e9, read - startRead));
        out.flush();
    }

    private static String duration(long seconds) {
        return String.format("%d:%02d", seconds / 60, seconds % 60);
    }
}
