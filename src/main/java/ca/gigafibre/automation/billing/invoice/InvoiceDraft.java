package ca.gigafibre.automation.billing.invoice;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * An invoice to write: whose, issued when, its lines. The {@link InvoiceWriter} adds the rest — taxes, totals, status,
 * and the due date on the usual terms ({@code automation.billing.due-days}) unless one is stated (a manual invoice).
 */
public record InvoiceDraft(long customerId, LocalDate issueDate, LocalDate dueDate, LocalDate periodStart, LocalDate periodEnd,
                           Long billingRunId, List<InvoiceLine> lines) {

    public InvoiceDraft {
        Objects.requireNonNull(issueDate, "issueDate");
        lines = List.copyOf(lines);
    }

    /** Due on the usual terms, no billing period, outside any run. */
    public static InvoiceDraft of(long customerId, LocalDate issueDate, List<InvoiceLine> lines) {
        return new InvoiceDraft(customerId, issueDate, null, null, null, null, lines);
    }

    public InvoiceDraft dueOn(LocalDate due) {
        return new InvoiceDraft(customerId, issueDate, due, periodStart, periodEnd, billingRunId, lines);
    }

    public InvoiceDraft forPeriod(LocalDate start, LocalDate end) {
        return new InvoiceDraft(customerId, issueDate, dueDate, start, end, billingRunId, lines);
    }

    public InvoiceDraft inRun(long runId) {
        return new InvoiceDraft(customerId, issueDate, dueDate, periodStart, periodEnd, runId, lines);
    }
}
