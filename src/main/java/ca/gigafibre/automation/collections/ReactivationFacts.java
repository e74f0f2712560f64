package ca.gigafibre.automation.collections;

import java.math.BigDecimal;

/** What {@code rules/reactivation.drl} sees after a payment on an account. */
public class ReactivationFacts implements ca.gigafibre.automation.rules.DecisionFacts {

    private final String customerId;
    private final boolean suspended;
    private final BigDecimal balance;
    private final boolean arrangementAccepted;
    private final boolean arrangementFirstPaymentMade;

    public ReactivationFacts(String customerId, boolean suspended, BigDecimal balance, boolean arrangementAccepted,
                             boolean arrangementFirstPaymentMade) {
        this.customerId = customerId;
        this.suspended = suspended;
        this.balance = balance;
        this.arrangementAccepted = arrangementAccepted;
        this.arrangementFirstPaymentMade = arrangementFirstPaymentMade;
    }

    @Override
    public String getSubject() {
        return customerId;
    }

    public String getCustomerId() {
        return customerId;
    }

    public boolean isSuspended() {
        return suspended;
    }

    public BigDecimal getBalance() {
        return balance;
    }

    public boolean isArrangementAccepted() {
        return arrangementAccepted;
    }

    public boolean isArrangementFirstPaymentMade() {
        return arrangementFirstPaymentMade;
    }
}
