package ca.gigafibre.automation.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A work order as recorded: hours per technician, parts, and the labour invoice when the visit was billable. */
public record WorkOrderView(String id, String ticketId, String customerId, LocalDate workDate, String outcome, String notes,
                            List<Technician> technicians, List<Part> parts, boolean billable, String invoiceId) {

    public record Technician(String technicianId, String name, OffsetDateTime arrivedAt, OffsetDateTime departedAt, BigDecimal hours) {
    }

    public record Part(String sku, String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount) {
    }
}
