package ca.gigafibre.automation.billing.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

public record InvoiceView(String id, String customerId, LocalDate issueDate, LocalDate dueDate, List<Line> lines,
                          BigDecimal subtotal, BigDecimal tps, BigDecimal tvq, BigDecimal total, BigDecimal amountPaid,
                          BigDecimal amountDue, String status) {

    public record Line(int lineNo, String sku, String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount) {
    }
}
