package ca.gigafibre.automation.collections;

import ca.gigafibre.automation.rules.DecisionFacts;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What {@code rules/arrangement-cutoff.drl} sees about one payment arrangement (accord de paiement): raw facts only —
 * the amount agreed, what the customer paid between the agreement and the due date and since the agreement, what credits (credit
 * notes left on the account, not payments) took off the balance since the agreement, the dates, the account's overdue balance
 * now, the status the rules last gave it, and whether the balance is being written off. The rules alone say what "kept" is.
 */
public class ArrangementFacts implements DecisionFacts {

    private final String arrangementId;
    private final BigDecimal amount;
    private final BigDecimal paidSinceAgreed;
    private final BigDecimal paidSinceAgreedToDate;
    private final LocalDate today;
    private final LocalDate dueDate;
    private final LocalDate cutoffDate;
    private final BigDecimal overdueBalance;
    private final String status;
    private final boolean balanceWrittenOff;
    private BigDecimal creditedSinceAgreed = BigDecimal.ZERO;

    public ArrangementFacts(String arrangementId, BigDecimal amount, BigDecimal paidSinceAgreed, BigDecimal paidSinceAgreedToDate,
                            LocalDate today, LocalDate dueDate, LocalDate cutoffDate, BigDecimal overdueBalance, String status,
                            boolean balanceWrittenOff) {
        this.arrangementId = arrangementId;
        this.amount = amount;
        this.paidSinceAgreed = paidSinceAgreed;
        this.paidSinceAgreedToDate = paidSinceAgreedToDate;
        this.today = today;
        this.dueDate = dueDate;
        this.cutoffDate = cutoffDate;
        this.overdueBalance = overdueBalance;
        this.status = status;
        this.balanceWrittenOff = balanceWrittenOff;
    }

    @Override
    public String getSubject() {
        return arrangementId;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    /** Credits (credit notes, a cancellation's or a goodwill credit) issued since the day it was agreed: not payments. */
    public ArrangementFacts credited(BigDecimal credited) {
        this.creditedSinceAgreed = credited;
        return this;
    }

    public BigDecimal getCreditedSinceAgreed() {
        return creditedSinceAgreed;
    }

    public boolean isCreditSinceAgreed() {
        return creditedSinceAgreed.signum() > 0;
    }

    /** Paid between the day it was agreed and its due date (a later payment does not keep it; credits are not payments). */
    public BigDecimal getPaidSinceAgreed() {
        return paidSinceAgreed;
    }

    /** Paid since the day it was agreed, up to today (late payments too; credits are not payments). */
    public BigDecimal getPaidSinceAgreedToDate() {
        return paidSinceAgreedToDate;
    }

    public boolean isPaymentSinceAgreed() {
        return paidSinceAgreedToDate.signum() > 0;
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

    /** The account's open invoices past their due date, now. */
    public BigDecimal getOverdueBalance() {
        return overdueBalance;
    }

    public boolean isNothingOverdue() {
        return overdueBalance.signum() <= 0;
    }

    /** The status the rules gave it last time ({@code open} until they end it). */
    public String getStatus() {
        return status;
    }

    /** A person is writing the account's overdue balance off: what is gone was not paid. */
    public boolean isBalanceWrittenOff() {
        return balanceWrittenOff;
    }
}
