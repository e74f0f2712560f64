package ca.gigafibre.automation.collections;

import java.math.BigDecimal;

/** What {@code rules/reactivation.drl} sees about a suspended account: why it is suspended, its overdue balance and any new arrangement. */
public class ReactivationFacts implements ca.gigafibre.automation.rules.DecisionFacts {

    private final String customerId;
    private final boolean suspended;
    private final BigDecimal overdueBalance;
    private final boolean arrangementAccepted;
    private final boolean arrangementFirstPaymentMade;
    private final String suspensionReason;
    private final boolean writtenOffDuringSuspension;

    public ReactivationFacts(String customerId, boolean suspended, BigDecimal overdueBalance, boolean arrangementAccepted,
                             boolean arrangementFirstPaymentMade) {
        this(customerId, suspended, overdueBalance, arrangementAccepted, arrangementFirstPaymentMade, SuspensionReason.NON_PAYMENT.code(), false);
    }

    /**
     * @param suspensionReason the open suspension's reason ({@link SuspensionReason}, or a legacy reason kept as imported)
     * @param writtenOffDuringSuspension a person wrote the account's overdue balance off since service was cut
     */
    public ReactivationFacts(String customerId, boolean suspended, BigDecimal overdueBalance, boolean arrangementAccepted,
                             boolean arrangementFirstPaymentMade, String suspensionReason, boolean writtenOffDuringSuspension) {
        this.suspensionReason = suspensionReason;
        this.writtenOffDuringSuspension = writtenOffDuringSuspension;
        this.customerId = customerId;
        this.suspended = suspended;
        this.overdueBalance = overdueBalance;
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

    public BigDecimal getOverdueBalance() {
        return overdueBalance;
    }

    /** Nothing is overdue because it was written off, not paid. */
    public boolean isWrittenOffDuringSuspension() {
        return writtenOffDuringSuspension;
    }

    public boolean isArrangementAccepted() {
        return arrangementAccepted;
    }

    /** Why the account is suspended: only a non-payment suspension may be lifted by a payment or the sweep. */
    public String getSuspensionReason() {
        return suspensionReason;
    }

    public boolean isArrangementFirstPaymentMade() {
        return arrangementFirstPaymentMade;
    }
}
