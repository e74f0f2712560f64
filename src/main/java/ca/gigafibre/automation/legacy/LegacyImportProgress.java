package ca.gigafibre.automation.legacy;

/** Who watches an import run: the command line draws a progress bar, the API just records. */
public interface LegacyImportProgress {

    LegacyImportProgress NONE = new LegacyImportProgress() {
    };

    default void tableStarted(String table, long sourceRows, long alreadyRead) {
    }

    default void batchDone(String table, long read, long sourceRows) {
    }

    default void tableFinished(String table, TableReport report) {
    }
}
