package ca.gigafibre.automation.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PeriodChargesTest {

    private static final YearMonth DECEMBER = YearMonth.of(2026, 12);

    @ParameterizedTest(name = "{0} {1}..{2} → {3}")
    @CsvSource(nullValues = "-", value = {
            "monthly, 2025-03-10, -, 59.95",            // whole month
            "monthly, 2026-12-01, -, 59.95",            // starts on the first: whole month
            "monthly, 2026-12-16, -, 30.94",            // 16 of 31 days: 59.95 × 16 / 31 = 30.941…
            "monthly, 2026-12-31, -, 1.93",             // last day only
            "monthly, 2025-01-01, 2026-12-10, 19.34",   // cancelled on the 10th: 10 days
            "monthly, 2025-01-01, 2026-11-30, -",       // ended before the period
            "monthly, 2027-01-01, -, -",                // starts after the period
            "annual, 2024-12-05, -, 59.95",             // anniversary month: full year
            "annual, 2024-11-05, -, -",                 // not its month
            "one-time, 2026-12-20, -, 59.95",           // billed the month it starts
            "one-time, 2026-11-20, -, -"})
    void chargesForDecember(String frequency, LocalDate start, LocalDate end, String expected) {
        BillableSubscription s = new BillableSubscription(1, 1, "FIB-100", "Fibre 100", 1, new BigDecimal("59.95"), frequency, start, end);
        assertThat(PeriodCharges.of(s, DECEMBER).map(c -> c.amount().toPlainString()).orElse(null)).isEqualTo(expected);
    }
}
