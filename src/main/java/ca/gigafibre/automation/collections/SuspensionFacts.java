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

    public SuspensionFacts(String customerId, boolean neverSuspend, boolean vip, boolean commercial, boolean alreadySuspended,
                           boolean keptArrangementOpen, boolean requestedByStaff, BigDecimal overdueAmount, int daysOverdue,
                           int graceDays) {
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
