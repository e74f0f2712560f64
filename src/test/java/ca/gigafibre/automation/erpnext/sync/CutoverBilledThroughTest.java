package ca.gigafibre.automation.erpnext.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** What a subscription synced from ERPNext counts as billed through, from the cut-over period. */
class CutoverBilledThroughTest {

    private static final YearMonth CUTOVER = YearMonth.of(2027, 1);
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    @Test
    void aMonthlySubscriptionIsBilledThroughTheMonthBeforeTheCutover() {
        assertThat(CutoverBilledThrough.of("monthly", LocalDate.of(2024, 5, 17), null, CUTOVER, TODAY)).isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @Test
    void withoutACutoverThroughTheEndOfThePreviousMonth() {
        assertThat(CutoverBilledThrough.of("monthly", LocalDate.of(2024, 5, 17), null, null, TODAY)).isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    void anAnnualPlanThroughTheEndOfItsAnniversaryYearRunningAtTheCutover() {
        assertThat(CutoverBilledThrough.of("annual", LocalDate.of(2024, 3, 10), null, CUTOVER, TODAY)).isEqualTo(LocalDate.of(2027, 3, 9));
        assertThat(CutoverBilledThrough.of("annual", LocalDate.of(2026, 1, 1), null, CUTOVER, TODAY)).isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @Test
    void aSubscriptionStartingAtOrAfterTheCutoverIsBilledByTheEngineFromItsStart() {
        assertThat(CutoverBilledThrough.of("monthly", LocalDate.of(2027, 1, 1), null, CUTOVER, TODAY)).isNull();
        assertThat(CutoverBilledThrough.of("annual", LocalDate.of(2027, 2, 1), null, CUTOVER, TODAY)).isNull();
    }

    @Test
    void neverPastItsEndDateSoNothingIsCredited() {
        assertThat(CutoverBilledThrough.of("monthly", LocalDate.of(2024, 5, 17), LocalDate.of(2026, 8, 31), CUTOVER, TODAY))
                .isEqualTo(LocalDate.of(2026, 8, 31));
        assertThat(CutoverBilledThrough.of("annual", LocalDate.of(2024, 3, 10), LocalDate.of(2026, 12, 15), CUTOVER, TODAY))
                .isEqualTo(LocalDate.of(2026, 12, 15));
    }
}
