package ca.gigafibre.automation.billing;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.billing.invoice.QuebecTaxes;
import ca.gigafibre.automation.billing.subscription.BillableSubscription;
import ca.gigafibre.automation.billing.subscription.SubscriptionCharges;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * A simulated year of monthly billing runs on random days, over subscriptions that start, stop and are entered late
 * (after their period's run, or stopped after days already billed), monthly, annual and one-time: what was billed equals
 * what the subscriptions owed for the days they were active, to the cent, and every invoice's taxes are TPS and TVQ
 * rounded once on its subtotal.
 */
class BillingYearPropertyTest {

    private static final LocalDate YEAR = LocalDate.of(2027, 1, 1);
    private static final YearMonth LAST_PERIOD = YearMonth.of(2028, 1);

    /** A subscription as it happened: entered on {@code knownOn}, ended on {@code end} (known from {@code endKnownOn}). */
    record Story(String frequency, BigDecimal price, int quantity, LocalDate start, LocalDate knownOn, LocalDate end, LocalDate endKnownOn) {
    }

    @Property(tries = 300)
    void billedEqualsOwedToTheCent(@ForAll("stories") @Size(min = 1, max = 6) List<Story> stories, @ForAll("runDays") @Size(13) List<Integer> runDays) {
        Map<Integer, LocalDate> billedThrough = new HashMap<>();
        List<Billed> ledger = new ArrayList<>();
        BigDecimal invoicedTotal = BigDecimal.ZERO;
        int run = 0;
        for (YearMonth period = YearMonth.from(YEAR); !period.isAfter(LAST_PERIOD); period = period.plusMonths(1), run++) {
            LocalDate runDay = period.equals(LAST_PERIOD) ? LAST_PERIOD.atEndOfMonth() : period.atDay(runDays.get(run));
            BigDecimal subtotal = BigDecimal.ZERO;
            for (int i = 0; i < stories.size(); i++) {
                Story story = stories.get(i);
                if (story.knownOn().isAfter(runDay)) {
                    continue;   // not entered yet at this run
                }
                LocalDate end = story.end() != null && !story.endKnownOn().isAfter(runDay) ? story.end() : null;
                BillableSubscription s = new BillableSubscription(i, 1, "SKU", "plan", story.quantity(), story.price(), story.frequency(),
                        story.start(), end, billedThrough.get(i));
                int id = i;
                SubscriptionCharges.Due due = SubscriptionCharges.at(s, period, (from, to) -> ledger.stream()
                        .filter(b -> b.subscription() == id && !b.from().isBefore(from) && !b.to().isAfter(to))
                        .map(Billed::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
                for (SubscriptionCharges.Line line : due.lines()) {
                    ledger.add(new Billed(i, line.from(), line.to(), line.amount()));
                    subtotal = subtotal.add(line.amount());
                }
                billedThrough.put(i, due.billedThrough());
            }
            QuebecTaxes taxes = QuebecTaxes.on(subtotal);
            assertThat(taxes.total()).isEqualByComparingTo(subtotal.add(fivePercent(subtotal)).add(tvq(subtotal)));
            invoicedTotal = invoicedTotal.add(taxes.subtotal());
        }

        BigDecimal owed = BigDecimal.ZERO;
        for (Story story : stories) {
            owed = owed.add(owed(story));
        }
        assertThat(invoicedTotal).isEqualByComparingTo(owed);
    }

    private record Billed(int subscription, LocalDate from, LocalDate to, BigDecimal amount) {
    }

    /** What a subscription owes for its active days up to the end of the last period, computed directly from its story. */
    private static BigDecimal owed(Story s) {
        BigDecimal full = s.price().multiply(BigDecimal.valueOf(s.quantity())).setScale(2, RoundingMode.HALF_UP);
        LocalDate horizon = LAST_PERIOD.atEndOfMonth();
        if (s.start().isAfter(horizon)) {
            return BigDecimal.ZERO;
        }
        return switch (s.frequency()) {
            case "one-time" -> full;
            case "annual" -> {
                BigDecimal sum = BigDecimal.ZERO;
                for (LocalDate term = s.start(); !term.isAfter(horizon) && (s.end() == null || !term.isAfter(s.end())); term = term.plusYears(1)) {
                    LocalDate termEnd = term.plusYears(1).minusDays(1);
                    LocalDate activeEnd = s.end() == null || s.end().isAfter(termEnd) ? termEnd : s.end();
                    sum = sum.add(share(full, days(term, activeEnd), days(term, termEnd)));
                }
                yield sum;
            }
            default -> {
                LocalDate activeEnd = s.end() == null || s.end().isAfter(horizon) ? horizon : s.end();
                BigDecimal sum = BigDecimal.ZERO;
                for (YearMonth month = YearMonth.from(s.start()); !month.atDay(1).isAfter(activeEnd); month = month.plusMonths(1)) {
                    LocalDate from = s.start().isAfter(month.atDay(1)) ? s.start() : month.atDay(1);
                    LocalDate to = activeEnd.isBefore(month.atEndOfMonth()) ? activeEnd : month.atEndOfMonth();
                    sum = sum.add(share(full, days(from, to), month.lengthOfMonth()));
                }
                yield sum;
            }
        };
    }

    private static BigDecimal share(BigDecimal full, long days, long of) {
        return days == of ? full : full.multiply(BigDecimal.valueOf(days)).divide(BigDecimal.valueOf(of), 2, RoundingMode.HALF_UP);
    }

    private static long days(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    private static BigDecimal fivePercent(BigDecimal subtotal) {
        return subtotal.multiply(new BigDecimal("0.05")).setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal tvq(BigDecimal subtotal) {
        return subtotal.multiply(new BigDecimal("0.09975")).setScale(2, RoundingMode.HALF_UP);
    }

    @Provide
    Arbitrary<List<Integer>> runDays() {
        return Arbitraries.integers().between(1, 28).list().ofSize(13);
    }

    @Provide
    Arbitrary<List<Story>> stories() {
        Arbitrary<String> frequency = Arbitraries.of("monthly", "monthly", "monthly", "annual", "one-time");
        Arbitrary<BigDecimal> price = Arbitraries.integers().between(100, 20000).map(cents -> BigDecimal.valueOf(cents, 2));
        Arbitrary<Integer> quantity = Arbitraries.integers().between(1, 3);
        Arbitrary<Integer> startDay = Arbitraries.integers().between(0, 364);
        Arbitrary<Integer> enteredLate = Arbitraries.integers().between(-20, 60);
        Arbitrary<Integer> lasts = Arbitraries.integers().between(-1, 400);   // -1: never stops
        Arbitrary<Integer> stopKnownLate = Arbitraries.integers().between(-15, 60);
        return Combinators.combine(frequency, price, quantity, startDay, enteredLate, lasts, stopKnownLate).as((f, p, q, startAt, late, length, stopLate) -> {
            LocalDate start = YEAR.plusDays(startAt);
            LocalDate knownOn = min(max(start.plusDays(late), YEAR), LAST_PERIOD.atEndOfMonth());
            LocalDate end = length < 0 || "one-time".equals(f) ? null : start.plusDays(length);
            LocalDate endKnownOn = end == null ? null : min(max(end.plusDays(stopLate), knownOn), LAST_PERIOD.atEndOfMonth());
            return new Story(f, p, q, start, knownOn, end, endKnownOn);
        }).list();
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
