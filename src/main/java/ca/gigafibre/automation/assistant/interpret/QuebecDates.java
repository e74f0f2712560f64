package ca.gigafibre.automation.assistant.interpret;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as people type them in Quebec, French or English, on folded text ({@link Text#fold}): "15 mars", "1er avril",
 * "le 26", "mardi prochain", "demain", "March 15", "April 1st", "next Tuesday", "tomorrow", "2027-03-15", "15/03/2027".
 * A day without a year is the next one from today ({@code future}) or the last one up to today (a question about the past).
 */
final class QuebecDates {

    /** A date found at {@code start} in the text. */
    record Found(LocalDate date, int start) {
    }

    private static final Map<String, Month> MONTHS = Map.ofEntries(
            Map.entry("janvier", Month.JANUARY), Map.entry("janv", Month.JANUARY), Map.entry("january", Month.JANUARY), Map.entry("jan", Month.JANUARY),
            Map.entry("fevrier", Month.FEBRUARY), Map.entry("fevr", Month.FEBRUARY), Map.entry("february", Month.FEBRUARY), Map.entry("feb", Month.FEBRUARY),
            Map.entry("mars", Month.MARCH), Map.entry("march", Month.MARCH), Map.entry("mar", Month.MARCH),
            Map.entry("avril", Month.APRIL), Map.entry("avr", Month.APRIL), Map.entry("april", Month.APRIL), Map.entry("apr", Month.APRIL),
            Map.entry("mai", Month.MAY), Map.entry("may", Month.MAY),
            Map.entry("juin", Month.JUNE), Map.entry("june", Month.JUNE), Map.entry("jun", Month.JUNE),
            Map.entry("juillet", Month.JULY), Map.entry("juil", Month.JULY), Map.entry("july", Month.JULY), Map.entry("jul", Month.JULY),
            Map.entry("aout", Month.AUGUST), Map.entry("august", Month.AUGUST), Map.entry("aug", Month.AUGUST),
            Map.entry("septembre", Month.SEPTEMBER), Map.entry("sept", Month.SEPTEMBER), Map.entry("september", Month.SEPTEMBER), Map.entry("sep", Month.SEPTEMBER),
            Map.entry("octobre", Month.OCTOBER), Map.entry("oct", Month.OCTOBER), Map.entry("october", Month.OCTOBER),
            Map.entry("novembre", Month.NOVEMBER), Map.entry("nov", Month.NOVEMBER), Map.entry("november", Month.NOVEMBER),
            Map.entry("decembre", Month.DECEMBER), Map.entry("dec", Month.DECEMBER), Map.entry("december", Month.DECEMBER));

    private static final Map<String, DayOfWeek> DAYS = Map.ofEntries(
            Map.entry("lundi", DayOfWeek.MONDAY), Map.entry("monday", DayOfWeek.MONDAY),
            Map.entry("mardi", DayOfWeek.TUESDAY), Map.entry("tuesday", DayOfWeek.TUESDAY),
            Map.entry("mercredi", DayOfWeek.WEDNESDAY), Map.entry("wednesday", DayOfWeek.WEDNESDAY),
            Map.entry("jeudi", DayOfWeek.THURSDAY), Map.entry("thursday", DayOfWeek.THURSDAY),
            Map.entry("vendredi", DayOfWeek.FRIDAY), Map.entry("friday", DayOfWeek.FRIDAY),
            Map.entry("samedi", DayOfWeek.SATURDAY), Map.entry("saturday", DayOfWeek.SATURDAY),
            Map.entry("dimanche", DayOfWeek.SUNDAY), Map.entry("sunday", DayOfWeek.SUNDAY));

    private static final String MONTH = "(janvier|janv|january|jan|fevrier|fevr|february|feb|mars|march|mar|avril|avr|april|apr|mai|may|juin|june|jun"
            + "|juillet|juil|july|jul|aout|august|aug|septembre|sept|september|sep|octobre|oct|october|novembre|nov|november|decembre|dec|december)\\.?";
    private static final String DAY = "(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday)";

    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Pattern SLASHED = Pattern.compile("\\b(\\d{1,2})/(\\d{1,2})/(\\d{4})\\b");
    private static final Pattern DAY_MONTH = Pattern.compile("\\b(\\d{1,2})(?:er|st|nd|rd|th|e)?\\s+(?:de\\s+|of\\s+)?" + MONTH + "(?:\\s+(\\d{4}))?(?![a-z])");
    private static final Pattern MONTH_DAY = Pattern.compile("\\b" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b");
    private static final Pattern WEEKDAY = Pattern.compile("\\b(?:(next|this|ce|cette)\\s+)?" + DAY + "(?:\\s+(prochain|qui vient))?\\b");
    private static final Pattern RELATIVE = Pattern.compile("\\b(apres-demain|demain|aujourd'hui|today|tomorrow|day after tomorrow)\\b");
    private static final Pattern DAY_ONLY = Pattern.compile("\\b(?:le|the|on the|by the|au)\\s+(\\d{1,2})(?:er|st|nd|rd|th|e)?\\b(?!\\s*(?:\\$|h\\b|:|\\d|%|mb|gb|g\\b|m\\b|dollars))");

    private QuebecDates() {
    }

    /** Every date in the folded text, in order of appearance. */
    static List<Found> all(String folded, LocalDate today, boolean future) {
        List<Found> found = new ArrayList<>();
        List<int[]> taken = new ArrayList<>();
        Matcher m = ISO.matcher(folded);
        while (m.find()) {
            add(found, taken, m, safe(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
        }
        m = SLASHED.matcher(folded);
        while (m.find()) {
            add(found, taken, m, safe(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))));
        }
        m = DAY_MONTH.matcher(folded);
        while (m.find()) {
            add(found, taken, m, dayOfMonth(today, MONTHS.get(m.group(2)), Integer.parseInt(m.group(1)), m.group(3), future));
        }
        m = MONTH_DAY.matcher(folded);
        while (m.find()) {
            add(found, taken, m, dayOfMonth(today, MONTHS.get(m.group(1)), Integer.parseInt(m.group(2)), m.group(3), future));
        }
        m = WEEKDAY.matcher(folded);
        while (m.find()) {
            DayOfWeek day = DAYS.get(m.group(2));
            boolean next = m.group(1) != null && m.group(1).equals("next") || m.group(3) != null;
            LocalDate date = future || next ? today.with(TemporalAdjusters.next(day)) : today.with(TemporalAdjusters.previousOrSame(day));
            add(found, taken, m, date);
        }
        m = RELATIVE.matcher(folded);
        while (m.find()) {
            String word = m.group(1);
            add(found, taken, m, switch (word) {
                case "demain", "tomorrow" -> today.plusDays(1);
                case "apres-demain", "day after tomorrow" -> today.plusDays(2);
                default -> today;
            });
        }
        m = DAY_ONLY.matcher(folded);
        while (m.find()) {
            int day = Integer.parseInt(m.group(1));
            if (day >= 1 && day <= 31) {
                LocalDate date = safe(today.getYear(), today.getMonthValue(), Math.min(day, today.lengthOfMonth()));
                if (date != null && future && date.isBefore(today)) {
                    LocalDate nextMonth = today.plusMonths(1);
                    date = nextMonth.withDayOfMonth(Math.min(day, nextMonth.lengthOfMonth()));
                } else if (date != null && !future && date.isAfter(today)) {
                    LocalDate lastMonth = today.minusMonths(1);
                    date = lastMonth.withDayOfMonth(Math.min(day, lastMonth.lengthOfMonth()));
                }
                add(found, taken, m, date);
            }
        }
        found.sort(java.util.Comparator.comparingInt(Found::start));
        return found;
    }

    private static void add(List<Found> found, List<int[]> taken, Matcher m, LocalDate date) {
        if (date == null) {
            return;
        }
        for (int[] span : taken) {
            if (m.start() < span[1] && span[0] < m.end()) {
                return;
            }
        }
        taken.add(new int[] {m.start(), m.end()});
        found.add(new Found(date, m.start()));
    }

    private static LocalDate dayOfMonth(LocalDate today, Month month, int day, String year, boolean future) {
        if (year != null) {
            return safe(Integer.parseInt(year), month.getValue(), day);
        }
        LocalDate date = safe(today.getYear(), month.getValue(), day);
        if (date == null) {
            return null;
        }
        if (future && date.isBefore(today)) {
            return date.plusYears(1);
        }
        if (!future && date.isAfter(today)) {
            return date.minusYears(1);
        }
        return date;
    }

    private static LocalDate safe(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }
}
