package ca.gigafibre.automation.collections;

import ca.gigafibre.automation.rules.DecisionFacts;
import java.math.BigDecimal;
import java.time.LocalDate;

/** What {@code rules/arrangement-cutoff.drl} sees about one payment arrangement (accord de paiement). */
public class ArrangementFacts implements DecisionFacts {

    private final String arrangementId;
    private final BigDecimal amount;
    private final BigDecimal paidSinceAgreed;
    private final LocalDate today;
    private final LocalDate dueDate;
    private final LocalDate cutoffDate;

    public ArrangementFacts(String arrangementId, BigDecimal amount, BigDecimal paidSinceAgreed, LocalDate today, LocalDate dueDate,
                            LocalDate cutoffDate) {
        this.arrangementId = arrangementId;
        this.amount = amount;
        this.paidSinceAgreed = paidSinceAgreed;
        this.today = today;
        this.dueDate = dueDate;
        this.cutoffDate = cutoffDate;
    }

    @Override
    public String getSubject() {
        return arrangementId;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public BigDecimal getPaidSinceAgreed() {
        return paidSinceAgreed;
    }

    public boolean isPaidInFull() {
        return paidSinceAgreed.compareTo(amount) >= 0;
    }

    public boolean isPastDue() {
        return today.isAfter(dueDate);
    }

    public boolean isCutoffReached() {
        return cutoffDate != null && !today.isBefore(cutoffDate);
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public LocalDate getCutoffDate() {
        return cutoffDate;
    }
}
