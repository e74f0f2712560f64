package ca.gigafibre.automation.billing.reversal;

import ca.gigafibre.automation.billing.ClosedInvoiceReversalFacts;
import ca.gigafibre.automation.billing.invoice.InvoiceDraft;
import ca.gigafibre.automation.billing.invoice.InvoiceLine;
import ca.gigafibre.automation.billing.invoice.InvoiceWriter;
import ca.gigafibre.automation.platform.time.BusinessTime;
import ca.gigafibre.automation.rules.DecisionResult;
import ca.gigafibre.automation.rules.RecordedDecisions;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Money a reversal took back from an invoice already closed without it (written off, cancelled) would otherwise vanish:
 * the invoice stays closed, so nothing would be owed. {@code rules/reversal-owed.drl} says what is owed again; that is
 * billed on a debit invoice due at once (the {@link InvoiceWriter} writes it and starts its collections), once per
 * reversal event and invoice — the {@code reversal_debit} row's primary key guarantees it, in the reversal's transaction.
 */
@Component
public class ReversalDebits {

    /** The part of one allocation a reversal undid on an invoice that is closed. */
    public record ClosedPart(long invoiceId, String invoiceNo, String status, BigDecimal amount) {
    }

    static final String AREA = "reversal";

    private final JdbcClient jdbc;
    private final RecordedDecisions decisions;
    private final InvoiceWriter writer;

    public ReversalDebits(JdbcClient jdbc, RecordedDecisions decisions, InvoiceWriter writer) {
        this.jdbc = jdbc;
        this.decisions = decisions;
        this.writer = writer;
    }

    /** @return the debit invoices written */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<String> bill(long reversalId, long customerId, String reversalKind, List<ClosedPart> parts) {
        return parts.stream().map(part -> bill(reversalId, customerId, reversalKind, part)).flatMap(Optional::stream).toList();
    }

    private Optional<String> bill(long reversalId, long customerId, String reversalKind, ClosedPart part) {
        boolean credited = jdbc.sql("SELECT exists(SELECT 1 FROM automation.invoice WHERE credit_note_for = :id)").param("id", part.invoiceId())
                .query(Boolean.class).single();
        ClosedInvoiceReversalFacts facts = new ClosedInvoiceReversalFacts("reversal:" + reversalId + ":" + part.invoiceNo(), part.invoiceNo(),
                part.status(), credited, part.amount(), reversalKind);
        DecisionResult result = decisions.decide(AREA, facts, customerId, part.invoiceNo(), null);
        if (!(result.values().get("amount") instanceof BigDecimal owed) || owed.signum() <= 0) {
            return Optional.empty();
        }
        int claimed = jdbc.sql("""
                INSERT INTO automation.reversal_debit (payment_reversal_id, invoice_id, amount) VALUES (:reversal, :invoice, :amount)
                ON CONFLICT DO NOTHING
                """).param("reversal", reversalId).param("invoice", part.invoiceId()).param("amount", owed).update();
        if (claimed == 0) {
            return Optional.empty();
        }
        LocalDate today = BusinessTime.today();
        InvoiceWriter.Written debit = writer.write(InvoiceDraft.of(customerId, today, List.of(InvoiceLine.untaxed("PAYMENT-REVERSED",
                "Paiement repris sur la facture " + part.invoiceNo() + " (" + part.status() + ") / Payment taken back on invoice "
                        + part.invoiceNo() + " (" + part.status() + ")", owed))).dueOn(today));
        jdbc.sql("UPDATE automation.reversal_debit SET debit_invoice_id = :debit WHERE payment_reversal_id = :reversal AND invoice_id = :invoice")
                .param("debit", debit.id()).param("reversal", reversalId).param("invoice", part.invoiceId()).update();
        return Optional.of(debit.invoiceNo());
    }
}
