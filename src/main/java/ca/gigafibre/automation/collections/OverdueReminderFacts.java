package ca.gigafibre.automation.collections;

import java.math.BigDecimal;

/**
 * What {@code rules/overdue-reminder.drl} sees right before an overdue reminder goes: the account's overdue balance now,
 * whether a payment arrangement is running and whether service is already suspended.
 */
public class OverdueReminderFacts implements ca.gigafibre.automation.rules.DecisionFacts {

    private final String customerId;
    private final BigDecimal overdueAmount;
    private final boolean arrangementOpen;
    private final boolean suspended;

    public OverdueReminderFacts(String customerId, BigDecimal overdueAmount, boolean arrangementOpen, boolean suspended) {
        this.customerId = customerId;
        this.overdueAmount = overdueAmount;
        this.arrangementOpen = arrangementOpen;
        this.suspended = suspended;
    }

    @Override
    public String getSubject() {
        return customerId;
    }

    public String getCustomerId() {
        return customerId;
    }

    public BigDecimal getOverdueAmount() {
        return overdueAmount;
    }

    public boolean isArrangementOpen() {
        return arrangementOpen;
    }

    public boolean isSuspended() {
        return suspended;
    }

    @Override
    public String toString() {
        return "OverdueReminderFacts[" + customerId + ", overdue " + overdueAmount + "]";
    }
}
