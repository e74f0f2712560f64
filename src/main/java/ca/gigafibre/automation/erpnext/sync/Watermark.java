package ca.gigafibre.automation.erpnext.sync;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;

/**
 * How far a doctype has been read: the {@code modified} of the last document taken and how many documents of that very
 * instant were taken. The next read asks for {@code modified >= it} (as {@code >} one microsecond before, the operator
 * every Frappe version takes) and skips those already taken, so documents sharing an instant across a page boundary are
 * neither lost nor read twice, and a document changed during a run comes again later in the same order.
 */
record Watermark(String modified, int seen) {

    private static final DateTimeFormatter READ = new DateTimeFormatterBuilder().appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.MICRO_OF_SECOND, 0, 6, true).optionalEnd().toFormatter();
    private static final DateTimeFormatter WRITE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    /** The value to filter {@code modified >} on. */
    String justBefore() {
        return LocalDateTime.parse(modified.replace('T', ' '), READ).minus(1, ChronoUnit.MICROS).format(WRITE);
    }

    /** Where the next page starts once {@code pageModified} (the page's last) and its {@code atLast} documents are taken. */
    Watermark after(String pageModified, int atLast, int pageSize) {
        return pageModified.equals(modified) ? new Watermark(modified, seen + pageSize) : new Watermark(pageModified, atLast);
    }
}
