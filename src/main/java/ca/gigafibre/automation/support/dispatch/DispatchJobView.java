package ca.gigafibre.automation.support.dispatch;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A dispatch job as the API shows it: where, when, who, and why that technician ({@code chosenBy} {@code ranked} by the
 * technician rules or {@code named} by the person who booked it; {@code whyFr}/{@code whyEn} from the decision log).
 */
public record DispatchJobView(String id, String kind, String status, String customerId, String locationId, LocalDate date, String window,
                              OffsetDateTime from, OffsetDateTime to, String skill, String technicianId, String technicianName,
                              String chosenBy, String whyFr, String whyEn, String bookedBy) {
}
