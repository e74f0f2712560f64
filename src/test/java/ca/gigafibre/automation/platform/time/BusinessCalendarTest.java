package ca.gigafibre.automation.platform.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BusinessCalendarTest {

    private final BusinessCalendar calendar = new BusinessCalendar("good-friday", List.of(LocalDate.of(2026, 12, 24)));

    @ParameterizedTest(name = "{0} business day? {1}")
    @CsvSource({
            "2026-01-01, false",   // Jour de l'An
            "2026-04-03, false",   // Vendredi saint (Easter 2026-04-05)
            "2026-04-06, true",    // Easter Monday: not by default
            "2026-05-18, false",   // Journée nationale des patriotes: Monday before May 25
            "2026-05-25, true",
            "2026-06-24, false",   // Fête nationale
            "2026-07-01, false",   // Fête du Canada
            "2029-07-01, false",   // a Sunday
            "2029-07-02, false",   // ... so the Monday after
            "2026-09-07, false",   // Fête du Travail: first Monday of September
            "2026-10-12, false",   // Action de grâce: second Monday of October
            "2026-12-25, false",
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
        assertThat(calendar.nextBusinessDay(LocalDate.of(2026, 4, 3))).isEqualTo(LocalDate.of(2026, 4, 6));
    }

    @Test
    void easterMondayCanBeChosenInsteadOfGoodFriday() {
        BusinessCalendar easterMonday = new BusinessCalendar("easter-monday", List.of());
        assertThat(easterMonday.isBusinessDay(LocalDate.of(2026, 4, 3))).isTrue();
        assertThat(easterMonday.isBusinessDay(LocalDate.of(2026, 4, 6))).isFalse();
        assertThatThrownBy(() -> new BusinessCalendar("boxing-day", List.of())).hasMessageContaining("good-friday or easter-monday");
    }
}
