package ca.gigafibre.automation.erpnext.sync;

/** Who watches a sync run: the command line draws a progress bar per doctype, the API and the job just record. */
public interface SyncProgress {

    SyncProgress NONE = new SyncProgress() {
    };

    default void doctypeStarted(String doctype) {
    }

    default void pageDone(String doctype, int read) {
    }

    default void doctypeFinished(String doctype, SyncRunView.Counts counts) {
    }
}
