package ca.gigafibre.automation.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Quebec business days (jollyday's QC public holidays and the Fête nationale rule), and the notification and cut windows. */
class BusinessCalendarTest {

    private final BusinessCalendar calendar = new BusinessCalendar(new CalendarSettings(List.of(LocalDate.of(2026, 12, 24))));
    private final BusinessHours hours = new BusinessHours(calendar, new NotificationWindowSettings(LocalTime.of(8, 0), LocalTime.of(20, 0)),
            new CutWindowSettings(List.of(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.TUESDAY, java.time.DayOfWeek.WEDNESDAY,
                    java.time.DayOfWeek.THURSDAY), LocalTime.of(8, 0), LocalTime.of(15, 0)));

    @ParameterizedTest(name = "{0} business day? {1}")
    @CsvSource({
            "2026-01-01, false",   // Jour de l'An
            "2026-04-03, false",   // Vendredi saint (Easter 2026-04-05)
            "2026-04-06, false",   // lundi de Pâques: both Easter days are days off
            "2026-05-18, false",   // Journée nationale des patriotes: Monday before May 25
            "2026-05-25, true",
            "2026-06-24, false",   // Fête nationale
            "2029-06-24, false",   // a Sunday ...
            "2029-06-25, false",   // ... so the Fête nationale is Monday the 25th
            "2026-07-01, false",   // Fête du Canada
            "2029-07-01, false",   // a Sunday
            "2029-07-02, false",   // ... so the Monday after
            "2026-09-07, false",   // Fête du Travail: first Monday of September
            "2026-10-12, false",   // Action de grâce: second Monday of October
            "2026-11-11, true",    // Remembrance Day: a bank holiday only
            "2026-12-25, false",
            "2026-12-26, false",   // Saturday
            "2026-12-24, false",   // added by the operator
            "2026-11-21, false",   // Saturday
            "2026-11-22, false",   // Sunday
            "2026-11-23, true",    // Monday
            "2025-04-18, false",   // Good Friday 2025 (Easter 2025-04-20)
            "2027-03-26, false"})  // Good Friday 2027 (Easter 2027-03-28)
    void quebecBusinessDays(LocalDate day, boolean business) {
        assertThat(calendar.isBusinessDay(day)).isEqualTo(business);
    }

    @Test
    void nextBusinessDaySkipsWeekendsAndHolidays() {
        assertThat(calendar.nextBusinessDay(LocalDate.of(2026, 12, 24))).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(calendar.nextBusinessDay(LocalDate.of(2026, 11, 23))).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(calendar.nextBusinessDay(LocalDate.of(2026, 4, 3))).isEqualTo(LocalDate.of(2026, 4, 7));
    }

    @ParameterizedTest(name = "{0} is a cut day? {1}")
    @CsvSource({
            "2026-11-23, true",    // Monday
            "2026-11-26, true",    // Thursday
            "2026-11-27, false",   // Friday: never cut before a weekend
            "2026-11-28, false",   // Saturday
            "2029-06-25, false",   // Fête nationale moved to Monday
            "2029-06-22, false",   // Friday before it
            "2026-04-02, false",   // Thursday before Good Friday: the eve of a day off
            "2026-04-06, false",   // Easter Monday
            "2026-04-07, true",
            "2026-12-23, false"})  // the eve of the operator's extra day off
    void cutDays(LocalDate day, boolean cut) {
        assertThat(hours.isCutDay(day)).isEqualTo(cut);
    }

    @Test
    void aCutDueOnFridayHappensMondayAtEight() {
        assertThat(hours.nextCutTime(montreal("2026-11-27T10:00"))).isEqualTo(montreal("2026-11-30T08:00"));
        assertThat(hours.nextCutTime(montreal("2026-11-26T14:59"))).isEqualTo(montreal("2026-11-26T14:59"));
        assertThat(hours.nextCutTime(montreal("2026-11-26T15:00"))).isEqualTo(montreal("2026-11-30T08:00"));
        assertThat(hours.nextCutTime(montreal("2026-11-24T00:00"))).isEqualTo(montreal("2026-11-24T08:00"));
        assertThat(hours.nextCutTime(montreal("2029-06-21T16:00"))).isEqualTo(montreal("2029-06-26T08:00"));
    }

    @Test
    void messagesGoOutOnBusinessDaysBetweenEightAndEight() {
        assertThat(hours.nextNotificationTime(montreal("2026-11-24T00:00"))).isEqualTo(montreal("2026-11-24T08:00"));
        assertThat(hours.nextNotificationTime(montreal("2026-11-24T19:59"))).isEqualTo(montreal("2026-11-24T19:59"));
        assertThat(hours.nextNotificationTime(montreal("2026-11-27T20:00"))).isEqualTo(montreal("2026-11-30T08:00"));
        assertThat(hours.isNotificationTime(montreal("2026-11-28T12:00"))).isFalse();
    }

    private static OffsetDateTime montreal(String local) {
        return LocalDateTime.parse(local).atZone(BusinessTime.ZONE).toOffsetDateTime();
    }
}
