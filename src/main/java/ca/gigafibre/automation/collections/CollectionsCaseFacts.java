package ca.gigafibre.automation.collections;

import ca.gigafibre.automation.customer.CustomerRef;
import ca.gigafibre.automation.rules.DecisionFacts;
import java.math.BigDecimal;

/** What {@code rules/collections-case.drl} sees about one account: what is overdue, and whether a case follows it. */
public class CollectionsCaseFacts implements DecisionFacts {

    private final long id;
    private final String customerId;
    private final BigDecimal overdueBalance;
    private final int overdueInvoices;
    private final boolean caseOpen;
    private final boolean suspended;

    public CollectionsCaseFacts(long id, String customerId, BigDecimal overdueBalance, int overdueInvoices, boolean caseOpen,
                                boolean suspended) {
        this.id = id;
        this.customerId = customerId;
        this.overdueBalance = overdueBalance;
        this.overdueInvoices = overdueInvoices;
        this.caseOpen = caseOpen;
        this.suspended = suspended;
    }

    @Override
    public String getSubject() {
        return customerId;
    }

    /** The account's row id (not shown to the rules' readers; used to page and to log). */
    public long id() {
        return id;
    }

    /** The account as other components take it (not a fact the rules read). */
    public CustomerRef customer() {
        return new CustomerRef(id, customerId);
    }

    public String getCustomerId() {
        return customerId;
    }

    public BigDecimal getOverdueBalance() {
        return overdueBalance;
    }

    public int getOverdueInvoices() {
        return overdueInvoices;
    }

    public boolean isCaseOpen() {
        return caseOpen;
    }

    public boolean isSuspended() {
        return suspended;
    }
}
