package ca.gigafibre.automation.billing.ppa;

import ca.gigafibre.automation.notification.Bilingual;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A date as customers read it in each language: {@code 15 mars 2026} / {@code March 15, 2026}. */
final class CustomerDates {

    private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.CANADA_FRENCH);
    private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.CANADA);

    private CustomerDates() {
    }

    static Bilingual of(LocalDate day) {
        return new Bilingual(day.format(FRENCH), day.format(ENGLISH));
    }
}
