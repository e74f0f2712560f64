package ca.gigafibre.automation.collections.arrangement;

import java.math.BigDecimal;
import java.time.LocalDate;

public record ArrangementView(String id, String customerId, BigDecimal amount, LocalDate agreedDate, LocalDate dueDate, LocalDate cutoffDate,
                              String method, String status, String staff, String note, String changeReason) {
}
