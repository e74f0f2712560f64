package ca.gigafibre.automation.billing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What {@code rules/ppa-charging.drl} sees about one invoice and its account's pre-authorized payment settings
 * (legacy fields ppa, ppa_amount, ppa_amount_buffer, ppa_fixed, ppa_cc, stripe_ppa).
 */
public class PpaFacts implements ca.gigafibre.automation.rules.DecisionFacts {

    private final String invoiceId;
    private final BigDecimal amountDue;
    private final boolean bankPpa;
    private final BigDecimal ppaAmount;
    private final BigDecimal ppaAmountBuffer;
    private final BigDecimal ppaFixed;
    private final boolean ppaCard;
    private final boolean stripePpa;
    private final boolean stripeCardOnFile;
    private final boolean stripeCardExpired;
    private final boolean paysafeTokenOnFile;
    private final boolean inCollections;
    private final LocalDate issueDate;
    private final LocalDate bankNoticeDebitDate;
    private final boolean approvedAboveLimit;
    private final boolean returnedPaymentFee;
    private final BigDecimal preNotifiedAmount;
    private final boolean accountDisabled;

    public PpaFacts(String invoiceId, BigDecimal amountDue, boolean bankPpa, BigDecimal ppaAmount, BigDecimal ppaAmountBuffer,
                    BigDecimal ppaFixed, boolean ppaCard, boolean stripePpa, boolean stripeCardOnFile, boolean stripeCardExpired,
                    boolean paysafeTokenOnFile, boolean inCollections, LocalDate issueDate, LocalDate bankNoticeDebitDate,
                    boolean approvedAboveLimit) {
        this(invoiceId, amountDue, bankPpa, ppaAmount, ppaAmountBuffer, ppaFixed, ppaCard, stripePpa, stripeCardOnFile, stripeCardExpired,
                paysafeTokenOnFile, inCollections, issueDate, bankNoticeDebitDate, approvedAboveLimit, false, null);
    }

    /**
     * @param returnedPaymentFee the invoice bills the fee of a debit the bank returned
     * @param preNotifiedAmount what the customer's pre-notification of this debit said (Rule H1), null before any notice
     */
    public PpaFacts(String invoiceId, BigDecimal amountDue, boolean bankPpa, BigDecimal ppaAmount, BigDecimal ppaAmountBuffer,
                    BigDecimal ppaFixed, boolean ppaCard, boolean stripePpa, boolean stripeCardOnFile, boolean stripeCardExpired,
                    boolean paysafeTokenOnFile, boolean inCollections, LocalDate issueDate, LocalDate bankNoticeDebitDate,
                    boolean approvedAboveLimit, boolean returnedPaymentFee, BigDecimal preNotifiedAmount) {
        this(invoiceId, amountDue, bankPpa, ppaAmount, ppaAmountBuffer, ppaFixed, ppaCard, stripePpa, stripeCardOnFile, stripeCardExpired,
                paysafeTokenOnFile, inCollections, issueDate, bankNoticeDebitDate, approvedAboveLimit, returnedPaymentFee, preNotifiedAmount,
                false);
    }

    /** @param accountDisabled the customer is disabled (in ERPNext): nothing is charged automatically */
    public PpaFacts(String invoiceId, BigDecimal amountDue, boolean bankPpa, BigDecimal ppaAmount, BigDecimal ppaAmountBuffer,
                    BigDecimal ppaFixed, boolean ppaCard, boolean stripePpa, boolean stripeCardOnFile, boolean stripeCardExpired,
                    boolean paysafeTokenOnFile, boolean inCollections, LocalDate issueDate, LocalDate bankNoticeDebitDate,
                    boolean approvedAboveLimit, boolean returnedPaymentFee, BigDecimal preNotifiedAmount, boolean accountDisabled) {
        this.accountDisabled = accountDisabled;
        this.returnedPaymentFee = returnedPaymentFee;
        this.preNotifiedAmount = preNotifiedAmount;
        this.invoiceId = invoiceId;
        this.amountDue = amountDue;
        this.bankPpa = bankPpa;
        this.ppaAmount = ppaAmount;
        this.ppaAmountBuffer = ppaAmountBuffer == null ? BigDecimal.ZERO : ppaAmountBuffer;
        this.ppaFixed = ppaFixed;
        this.ppaCard = ppaCard;
        this.stripePpa = stripePpa;
        this.stripeCardOnFile = stripeCardOnFile;
        this.stripeCardExpired = stripeCardExpired;
        this.paysafeTokenOnFile = paysafeTokenOnFile;
        this.inCollections = inCollections;
        this.issueDate = issueDate;
        this.bankNoticeDebitDate = bankNoticeDebitDate;
        this.approvedAboveLimit = approvedAboveLimit;
    }

    /** The customer is disabled (in ERPNext): never charged automatically. */
    public boolean isAccountDisabled() {
        return accountDisabled;
    }

    /** A person approved charging this invoice above the account's limit plus buffer. */
    public boolean isApprovedAboveLimit() {
        return approvedAboveLimit;
    }

    /** The invoice bills a returned-payment fee: it is sent, never debited from the account that returned. */
    public boolean isReturnedPaymentFee() {
        return returnedPaymentFee;
    }

    /** The amount the bank debit's pre-notification gave the customer; the debit never takes more. Null: no notice yet. */
    public BigDecimal getPreNotifiedAmount() {
        return preNotifiedAmount;
    }

    @Override
    public String getSubject() {
        return invoiceId;
    }

    public String getInvoiceId() {
        return invoiceId;
    }

    public BigDecimal getAmountDue() {
        return amountDue;
    }

    public boolean isBankPpa() {
        return bankPpa;
    }

    public BigDecimal getPpaAmount() {
        return ppaAmount;
    }

    public BigDecimal getPpaAmountBuffer() {
        return ppaAmountBuffer;
    }

    public BigDecimal getPpaFixed() {
        return ppaFixed;
    }

    public boolean isPpaCard() {
        return ppaCard;
    }

    public boolean isStripePpa() {
        return stripePpa;
    }

    public boolean isStripeCardOnFile() {
        return stripeCardOnFile;
    }

    public boolean isStripeCardExpired() {
        return stripeCardExpired;
    }

    public boolean isPaysafeTokenOnFile() {
        return paysafeTokenOnFile;
    }

    public boolean isInCollections() {
        return inCollections;
    }

    public LocalDate getIssueDate() {
        return issueDate;
    }

    /** Issue date plus the pre-notification period required for variable-amount bank debits (Payments Canada Rule H1). */
    public LocalDate getBankNoticeDebitDate() {
        return bankNoticeDebitDate;
    }
}
