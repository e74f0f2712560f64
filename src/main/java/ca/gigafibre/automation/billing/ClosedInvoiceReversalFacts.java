package ca.gigafibre.automation.billing;

import ca.gigafibre.automation.rules.DecisionFacts;
import java.math.BigDecimal;

/**
 * What {@code rules/reversal-owed.drl} sees when a payment reversal (refund, dispute, bank return) takes money back from an
 * invoice that was closed meanwhile without it: how the invoice ended ({@code written-off}, {@code cancelled}), whether a
 * credit note names it, the amount taken back from it and the kind of reversal.
 */
public class ClosedInvoiceReversalFacts implements DecisionFacts {

    private final String subject;
    private final String invoiceNo;
    private final String invoiceStatus;
    private final boolean creditNoteIssued;
    private final BigDecimal amountTakenBack;
    private final String reversalKind;

    public ClosedInvoiceReversalFacts(String subject, String invoiceNo, String invoiceStatus, boolean creditNoteIssued,
                                      BigDecimal amountTakenBack, String reversalKind) {
        this.subject = subject;
        this.invoiceNo = invoiceNo;
        this.invoiceStatus = invoiceStatus;
        this.creditNoteIssued = creditNoteIssued;
        this.amountTakenBack = amountTakenBack;
        this.reversalKind = reversalKind;
    }

    /** The reversal event and the invoice: one decision each. */
    @Override
    public String getSubject() {
        return subject;
    }

    public String getInvoiceNo() {
        return invoiceNo;
    }

    public String getInvoiceStatus() {
        return invoiceStatus;
    }

    /** A credit note closed the rest of the invoice (a write-off): it credited only what was open then, not this money. */
    public boolean isCreditNoteIssued() {
        return creditNoteIssued;
    }

    public BigDecimal getAmountTakenBack() {
        return amountTakenBack;
    }

    /** refund, dispute or return. */
    public String getReversalKind() {
        return reversalKind;
    }
}
