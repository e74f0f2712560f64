package ca.gigafibre.automation.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * What one subscription costs in one monthly period: monthly plans for the days they were active (pro-rata when
 * they start or end within the month), annual plans in full in their anniversary month, one-time items in the
 * month they start.
 */
public final class PeriodCharges {

    private PeriodCharges() {
    }

    public record Charge(BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount, String note) {
    }

    public static Optional<Charge> of(BillableSubscription s, YearMonth period) {
        LocalDate first = period.atDay(1);
        LocalDate last = period.atEndOfMonth();
        if (s.start().isAfter(last) || (s.end() != null && s.end().isBefore(first))) {
            return Optional.empty();
        }
        BigDecimal quantity = BigDecimal.valueOf(s.quantity());
        BigDecimal full = s.unitPrice().multiply(quantity);
        return switch (s.frequency()) {
            case "monthly" -> {
                LocalDate from = s.start().isAfter(first) ? s.start() : first;
                LocalDate to = s.end() != null && s.end().isBefore(last) ? s.end() : last;
                long days = ChronoUnit.DAYS.between(from, to) + 1;
                int inMonth = period.lengthOfMonth();
                if (days == inMonth) {
                    yield Optional.of(new Charge(quantity, s.unitPrice(), full.setScale(2, RoundingMode.HALF_UP), null));
                }
                BigDecimal amount = full.multiply(BigDecimal.valueOf(days)).divide(BigDecimal.valueOf(inMonth), 2, RoundingMode.HALF_UP);
                yield Optional.of(new Charge(quantity, s.unitPrice(), amount, "prorata " + days + "/" + inMonth + " jours (days)"));
            }
            case "annual" -> s.start().getMonth() == period.getMonth()
                    ? Optional.of(new Charge(quantity, s.unitPrice(), full.setScale(2, RoundingMode.HALF_UP), "annuel (annual)"))
                    : Optional.empty();
            default -> YearMonth.from(s.start()).equals(period)
                    ? Optional.of(new Charge(quantity, s.unitPrice(), full.setScale(2, RoundingMode.HALF_UP), null))
                    : Optional.empty();
        };
    }
}
