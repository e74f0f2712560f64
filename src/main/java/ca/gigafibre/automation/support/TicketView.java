package ca.gigafibre.automation.support;

import java.time.OffsetDateTime;

/** A ticket with what triage, diagnosis and the technicians found. */
public record TicketView(String id, String customerId, String locationId, String type, String channel, String description,
                         String status, String priority, String requiredSkill, OffsetDateTime openedAt, OffsetDateTime slaDueAt,
                         String diagnosis, String resolution, OffsetDateTime closedAt) {
}
