package ca.gigafibre.automation.billing.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What a customer owes: open invoices less unallocated credit; {@code overdue} is the part past its due date. */
public record Balance(String customerId, String currency, BigDecimal balance, BigDecimal overdue, BigDecimal unallocatedCredit,
                      LocalDate oldestUnpaidDueDate, List<OpenInvoice> openInvoices) {

    public record OpenInvoice(String id, LocalDate issueDate, LocalDate dueDate, BigDecimal total, BigDecimal amountDue) {
    }
}
