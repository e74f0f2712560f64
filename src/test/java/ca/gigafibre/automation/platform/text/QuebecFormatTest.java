package ca.gigafibre.automation.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** Amounts, days and phone numbers as ops read them in Tasklist, the Quebec way. */
class QuebecFormatTest {

    @Test
    void amountsWithACommaAndTheDollarSignAfter() {
        assertThat(QuebecFormat.money(new BigDecimal("183.83"))).isEqualTo("183,83 $");
        assertThat(QuebecFormat.money(new BigDecimal("1234.5"))).isEqualTo("1 234,50 $");
        assertThat(QuebecFormat.moneyOf("99.9")).isEqualTo("99,90 $");
        assertThat(QuebecFormat.moneyOf(12)).isEqualTo("12,00 $");
        assertThat(QuebecFormat.moneyOf("250,00 $")).as("already formatted text stays").isEqualTo("250,00 $");
        assertThat(QuebecFormat.moneyOf(null)).isNull();
    }

    @Test
    void daysInFrenchWithTheFirstOfTheMonthAsPremierAndInEnglishAfter() {
        assertThat(QuebecFormat.day(LocalDate.of(2027, 3, 26))).isEqualTo("26 mars 2027");
        assertThat(QuebecFormat.day(LocalDate.of(2027, 4, 1))).isEqualTo("1er avril 2027");
        assertThat(QuebecFormat.day(LocalDate.of(2027, 8, 15))).isEqualTo("15 août 2027");
        assertThat(QuebecFormat.englishDay(LocalDate.of(2027, 3, 26))).isEqualTo("March 26, 2027");
    }

    @Test
    void aDayReadFromWhatProcessesHoldInQuebecTime() {
        // 02:30 UTC on March 27 is still March 26 in Montreal
        assertThat(QuebecFormat.dayOf(Date.from(OffsetDateTime.parse("2027-03-27T02:30:00Z").toInstant()))).isEqualTo(LocalDate.of(2027, 3, 26));
        assertThat(QuebecFormat.dayOf("2027-03-26")).isEqualTo(LocalDate.of(2027, 3, 26));
        assertThat(QuebecFormat.dayOf("2027-03-27T02:30:00Z")).isEqualTo(LocalDate.of(2027, 3, 26));
        assertThat(QuebecFormat.dayOf("soon")).isNull();
    }

    @Test
    void phoneNumbersGroupedAsPeopleSayThem() {
        assertThat(QuebecFormat.phone("4502722408")).isEqualTo("450 272-2408");
        assertThat(QuebecFormat.phone("+33 1 23 45")).isEqualTo("+33 1 23 45");
    }
}
