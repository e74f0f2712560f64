package ca.gigafibre.automation.workflow;

import java.time.OffsetDateTime;
import java.util.Date;

/**
 * Thrown by a delegate whose effect may not happen at this instant (a cut outside the cut window, a message outside the
 * notification window): the job is not failed but postponed to {@link #resumeAt()}, its retries left as they were
 * ({@link NotNowJobPostponement}). Nothing has been done when it is thrown; the transaction rolls back as for any failure.
 */
public class NotNow extends RuntimeException {

    private final Date resumeAt;

    public NotNow(String what, OffsetDateTime resumeAt) {
        super(what + ": not now, waits until " + resumeAt);
        this.resumeAt = Date.from(resumeAt.toInstant());
    }

    public Date resumeAt() {
        return new Date(resumeAt.getTime());
    }

    /** The {@code NotNow} behind a job's failure, however the engine wrapped it; null when the failure is a real one. */
    static NotNow in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof NotNow notNow) {
                return notNow;
            }
        }
        return null;
    }
}
