package ca.gigafibre.automation.billing;

/**
 * What {@code rules/returned-debit.drl} sees about a bank debit the bank returned: why (a {@code charge.ReturnReasons}
 * category), whether the debited invoice itself bills a returned-payment fee, and how many earlier debits of the same
 * invoice came back for insufficient funds.
 */
public class ReturnedDebitFacts implements ca.gigafibre.automation.rules.DecisionFacts {

    private final String debitKey;
    private final String invoiceId;
    private final String category;
    private final boolean returnedPaymentFee;
    private final int earlierNsfReturns;

    public ReturnedDebitFacts(String debitKey, String invoiceId, String category, boolean returnedPaymentFee, int earlierNsfReturns) {
        this.debitKey = debitKey;
        this.invoiceId = invoiceId;
        this.category = category;
        this.returnedPaymentFee = returnedPaymentFee;
        this.earlierNsfReturns = earlierNsfReturns;
    }

    /** The returned debit's idempotency key: one decision per returned debit. */
    @Override
    public String getSubject() {
        return debitKey;
    }

    public String getInvoiceId() {
        return invoiceId;
    }

    /** NSF, account-closed, payment-stopped, not-allowed or unknown. */
    public String getCategory() {
        return category;
    }

    public boolean isReturnedPaymentFee() {
        return returnedPaymentFee;
    }

    public int getEarlierNsfReturns() {
        return earlierNsfReturns;
    }
}
