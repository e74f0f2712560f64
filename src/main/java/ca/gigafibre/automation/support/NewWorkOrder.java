package ca.gigafibre.automation.support;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * {@code POST /api/tickets/{id}/work-orders} (the bon de travail): each technician's arrival and departure, the parts used
 * from stock, notes and outcome; {@code cause} and {@code customerOwnedEquipment} feed the DMN {@code work-billable}.
 * Checked by {@link WorkOrders} so a problem names its place ({@code technicians[1].departedAt}).
 */
public record NewWorkOrder(List<Technician> technicians, List<Part> parts, String notes, String outcome, String cause,
                           Boolean customerOwnedEquipment) {

    public record Technician(String technicianId, OffsetDateTime arrivedAt, OffsetDateTime departedAt) {
    }

    public record Part(String sku, BigDecimal quantity) {
    }
}
