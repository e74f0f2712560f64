package ca.gigafibre.automation.collections;

import java.math.BigDecimal;

/**
 * What {@code rules/suspension.drl} sees about one account. Plain getters (not a record) so DRL constraints
 * read naturally: {@code SuspensionFacts(neverSuspend)}.
 */
public class SuspensionFacts implements ca.gigafibre.automation.rules.DecisionFacts {

    private final String customerId;
    private final boolean neverSuspend;
    private final boolean vip;
    private final boolean commercial;
    private final boolean alreadySuspended;
    private final boolean keptArrangementOpen;
    private final boolean requestedByStaff;
    private final BigDecimal overdueAmount;
    private final int daysOverdue;
    private final int graceDays;
    private final boolean businessDay;
    private final java.time.LocalDate nextBusinessDay;
    private final Integer noticeSentDaysAgo;
    private final int noticeDays;
    private final boolean arrangementCutoffDue;

    public SuspensionFacts(String customerId, boolean neverSuspend, boolean vip, boolean commercial, boolean alreadySuspended,
                           boolean keptArrangementOpen, boolean requestedByStaff, BigDecimal overdueAmount, int daysOverdue,
                           int graceDays, boolean businessDay, java.time.LocalDate nextBusinessDay, Integer noticeSentDaysAgo,
                           int noticeDays, boolean arrangementCutoffDue) {
        this.customerId = customerId;
        this.neverSuspend = neverSuspend;
        this.vip = vip;
        this.commercial = commercial;
        this.alreadySuspended = alreadySuspended;
        this.keptArrangementOpen = keptArrangementOpen;
        this.requestedByStaff = requestedByStaff;
        this.overdueAmount = overdueAmount;
        this.daysOverdue = daysOverdue;
        this.graceDays = graceDays;
        this.businessDay = businessDay;
        this.nextBusinessDay = nextBusinessDay;
        this.noticeSentDaysAgo = noticeSentDaysAgo;
        this.noticeDays = noticeDays;
        this.arrangementCutoffDue = arrangementCutoffDue;
    }

    /** A payment arrangement was broken and its agreed cutoff date (date de coupure) has come. */
    public boolean isArrangementCutoffDue() {
        return arrangementCutoffDue;
    }

    /** Staff asked, an arrangement's cutoff date came, or the balance is overdue past the grace period. */
    public boolean isDue() {
        return requestedByStaff || arrangementCutoffDue || (overdueAmount.signum() > 0 && daysOverdue >= graceDays);
    }

    /** A suspension notice went out at least {@code noticeDays} ago. */
    public boolean isNoticeGiven() {
        return noticeSentDaysAgo != null && noticeSentDaysAgo >= noticeDays;
    }

    public boolean isBusinessDay() {
        return businessDay;
    }

    public java.time.LocalDate getNextBusinessDay() {
        return nextBusinessDay;
    }

    public Integer getNoticeSentDaysAgo() {
        return noticeSentDaysAgo;
    }

    public int getNoticeDays() {
        return noticeDays;
    }

    @Override
    public String getSubject() {
        return customerId;
    }

    public String getCustomerId() {
        return customerId;
    }

    public boolean isNeverSuspend() {
        return neverSuspend;
    }

    public boolean isVip() {
        return vip;
    }

    public boolean isCommercial() {
        return commercial;
    }

    public boolean isAlreadySuspended() {
        return alreadySuspended;
    }

    public boolean isKeptArrangementOpen() {
        return keptArrangementOpen;
    }

    public boolean isRequestedByStaff() {
        return requestedByStaff;
    }

    public BigDecimal getOverdueAmount() {
        return overdueAmount;
    }

    public int getDaysOverdue() {
        return daysOverdue;
    }

    public int getGraceDays() {
        return graceDays;
    }

    @Override
    public String toString() {
        return "SuspensionFacts[" + customerId + ", overdue " + overdueAmount + " for " + daysOverdue + " d]";
    }
}
