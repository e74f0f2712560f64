package ca.gigafibre.automation.billing.subscription;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * What a subscription owes at a billing run, from what it was billed through: every day since, up to the end of the run's
 * period, so nothing is lost when a subscription starts after its period's run (catch-up lines with their dates), when an
 * annual plan starts after its anniversary run, or when a one-time item is added late. A subscription that ended before
 * the day it was billed through is credited the unused part (negative lines): for each month or annual term, what was
 * billed minus what the active days owe, so billed equals owed to the cent. One cancelled before it started (it ends the
 * day before its start) owes nothing, a one-time item included.
 */
public final class SubscriptionCharges {

    private SubscriptionCharges() {
    }

    /** One invoice line: the days it covers, and its amount (negative for a credit). */
    public record Line(LocalDate from, LocalDate to, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount, String note) {
    }

    /** The lines to bill now, and the day the subscription is then billed through. */
    public record Due(List<Line> lines, LocalDate billedThrough) {
    }

    /** The unit price of a subscription for the term that begins on {@code termFirst} (a price list may change between terms). */
    @FunctionalInterface
    public interface Pricing {

        /** The subscription's own price, whatever the term. */
        Pricing OWN = (s, termFirst) -> s.unitPrice();

        BigDecimal unitPrice(BillableSubscription s, LocalDate termFirst);
    }

    /** At the subscription's own price. */
    public static Due at(BillableSubscription s, YearMonth period, BiFunction<LocalDate, LocalDate, BigDecimal> billed) {
        return at(s, period, billed, Pricing.OWN);
    }

    /**
     * @param billed what was already billed to the subscription for the days of a term (first, last), for credits
     * @param pricing the unit price of each term, taken on the term's first day
     */
    public static Due at(BillableSubscription s, YearMonth period, BiFunction<LocalDate, LocalDate, BigDecimal> billed, Pricing pricing) {
        LocalDate periodEnd = period.atEndOfMonth();
        List<Line> lines = new ArrayList<>();
        LocalDate through = s.billedThrough();
        if (s.end() != null && through != null && s.end().isBefore(through)) {
            for (Term term : terms(s, s.end().plusDays(1), through)) {
                BigDecimal credit = billed.apply(term.first(), term.last())
                        .subtract(owed(s, pricing.unitPrice(s, term.first()), term, max(term.first(), s.start()), min(term.last(), s.end())));
                if (credit.signum() != 0) {
                    lines.add(new Line(term.first(), term.last(), BigDecimal.ONE, credit.negate(), credit.negate(),
                            "crédit du " + max(term.first(), s.end().plusDays(1)) + " au " + term.last() + " (credit)"));
                }
            }
            through = s.end();
        }
        LocalDate from = through == null ? s.start() : through.plusDays(1);
        LocalDate until = s.end() == null ? periodEnd : min(s.end(), periodEnd);
        if ("one-time".equals(s.frequency())) {
            if (through == null && !s.start().isAfter(periodEnd) && !s.endsBeforeItStarts()) {
                BigDecimal price = pricing.unitPrice(s, s.start());
                lines.add(new Line(s.start(), s.start(), BigDecimal.valueOf(s.quantity()), price, full(s, price), null));
                through = s.start();
            }
            return new Due(lines, through);
        }
        if (!from.isAfter(until)) {
            for (Term term : terms(s, from, until)) {
                if ("annual".equals(s.frequency()) && term.first().isBefore(from)) {
                    continue;   // an annual term is billed in full when it begins
                }
                LocalDate last = "annual".equals(s.frequency()) && s.end() == null ? term.last() : min(term.last(), "annual".equals(s.frequency()) ? s.end() : until);
                LocalDate first = max(term.first(), from);
                BigDecimal price = pricing.unitPrice(s, term.first());
                BigDecimal amount = owed(s, price, term, first, last);
                boolean whole = first.equals(term.first()) && last.equals(term.last());
                lines.add(new Line(first, last, BigDecimal.valueOf(s.quantity()), price, amount, whole
                        ? ("annual".equals(s.frequency()) ? "annuel du " + first + " au " + last + " (annual)" : null)
                        : "du " + first + " au " + last + ", " + days(first, last) + "/" + days(term.first(), term.last()) + " jours (days)"));
                through = last;
            }
        }
        return new Due(lines, through);
    }

    /** What the days {@code first}..{@code last} of a term owe: the whole price for the whole term, else pro rata of its days. */
    static BigDecimal owed(BillableSubscription s, BigDecimal unitPrice, Term term, LocalDate first, LocalDate last) {
        if (last.isBefore(first)) {
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal full = full(s, unitPrice);
        long days = days(first, last);
        long termDays = days(term.first(), term.last());
        return days == termDays ? full : full.multiply(BigDecimal.valueOf(days)).divide(BigDecimal.valueOf(termDays), 2, RoundingMode.HALF_UP);
    }

    /** The billing terms of the subscription that overlap {@code from}..{@code to}: calendar months, or years from the start. */
    static List<Term> terms(BillableSubscription s, LocalDate from, LocalDate to) {
        List<Term> terms = new ArrayList<>();
        if ("annual".equals(s.frequency())) {
            LocalDate start = s.start();
            while (!start.isAfter(to)) {
                LocalDate last = start.plusYears(1).minusDays(1);
                if (!last.isBefore(from)) {
                    terms.add(new Term(start, last));
                }
                start = start.plusYears(1);
            }
            return terms;
        }
        for (YearMonth month = YearMonth.from(from); !month.atDay(1).isAfter(to); month = month.plusMonths(1)) {
            terms.add(new Term(month.atDay(1), month.atEndOfMonth()));
        }
        return terms;
    }

    record Term(LocalDate first, LocalDate last) {
    }

    private static BigDecimal full(BillableSubscription s, BigDecimal unitPrice) {
        return unitPrice.multiply(BigDecimal.valueOf(s.quantity())).setScale(2, RoundingMode.HALF_UP);
    }

    private static long days(LocalDate first, LocalDate last) {
        return ChronoUnit.DAYS.between(first, last) + 1;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
