package ca.gigafibre.automation.platform.text;

import ca.gigafibre.automation.platform.time.BusinessTime;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Locale;

/**
 * What ops read in Tasklist, the Quebec way: amounts {@code 183,83 $}, days {@code 26 mars 2027} (the first of the
 * month is {@code 1er}), phone numbers {@code 450 272-2408}; the English day after where both show ({@code March 26, 2027}).
 */
public final class QuebecFormat {

    private static final DateTimeFormatter FRENCH_MONTH_YEAR = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.CANADA_FRENCH);
    private static final DateTimeFormatter ENGLISH_DAY = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.CANADA);

    private QuebecFormat() {
    }

    /** {@code 1 234,56 $} (plain spaces, so it reads the same in a task name, a form and an SMS). */
    public static String money(BigDecimal amount) {
        return Money.french(amount);
    }

    /** {@code 26 mars 2027}, {@code 1er avril 2027}. */
    public static String day(LocalDate day) {
        return (day.getDayOfMonth() == 1 ? "1er" : String.valueOf(day.getDayOfMonth())) + " " + FRENCH_MONTH_YEAR.format(day);
    }

    /** {@code March 26, 2027}. */
    public static String englishDay(LocalDate day) {
        return ENGLISH_DAY.format(day);
    }

    /** Ten digits as {@code 450 272-2408}; anything else as it is. */
    public static String phone(String digits) {
        if (digits == null || !digits.matches("\\d{10}")) {
            return digits;
        }
        return digits.substring(0, 3) + " " + digits.substring(3, 6) + "-" + digits.substring(6);
    }

    /**
     * A process variable read as an amount: a number, or text already formatted (kept as it is).
     *
     * @return null when there is none
     */
    public static String moneyOf(Object value) {
        if (value instanceof BigDecimal amount) {
            return money(amount);
        }
        if (value instanceof Number number) {
            return money(new BigDecimal(number.toString()));
        }
        if (value instanceof String text && !text.isBlank()) {
            try {
                return money(new BigDecimal(text.strip()));
            } catch (NumberFormatException alreadyText) {
                return text;
            }
        }
        return null;
    }

    /**
     * A process variable read as a day in Quebec: a Date, a LocalDate, a date-time, or ISO text.
     *
     * @return null when there is none or it is not a date
     */
    public static LocalDate dayOf(Object value) {
        if (value instanceof Date date) {
            return date.toInstant().atZone(BusinessTime.ZONE).toLocalDate();
        }
        if (value instanceof LocalDate day) {
            return day;
        }
        if (value instanceof OffsetDateTime time) {
            return time.atZoneSameInstant(BusinessTime.ZONE).toLocalDate();
        }
        if (value instanceof ZonedDateTime time) {
            return time.withZoneSameInstant(BusinessTime.ZONE).toLocalDate();
        }
        if (value instanceof String text && text.length() >= 10) {
            try {
                return text.length() == 10 ? LocalDate.parse(text) : OffsetDateTime.parse(text).atZoneSameInstant(BusinessTime.ZONE).toLocalDate();
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
        return null;
    }
}
