package ca.gigafibre.automation.collections;

import java.time.Period;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** How long a collections case waits before asking the suspension rules, and before a person reviews a write-off. */
@Component
public class CollectionsCaseSettings {

    private final Period suspensionReviewAfter;
    private final Period writeOffReviewAfter;
    private final int noticeValidDays;

    public CollectionsCaseSettings(@Value("${automation.collections.suspension-review-after:P30D}") Period suspensionReviewAfter,
                                   @Value("${automation.collections.write-off-review-after:P120D}") Period writeOffReviewAfter,
                                   @Value("${automation.collections.notice-valid-days:30}") int noticeValidDays) {
        this.suspensionReviewAfter = suspensionReviewAfter;
        this.writeOffReviewAfter = writeOffReviewAfter;
        this.noticeValidDays = noticeValidDays;
    }

    public Period suspensionReviewAfter() {
        return suspensionReviewAfter;
    }

    public Period writeOffReviewAfter() {
        return writeOffReviewAfter;
    }

    /** A cutoff notice older than this no longer counts: the customer gets a new one before any cut. */
    public int noticeValidDays() {
        return noticeValidDays;
    }
}
