package ca.gigafibre.automation.provisioning;

import java.time.OffsetDateTime;

/** One IP a customer had, where and when (releasedAt null: still assigned). */
public record IpAssignmentView(String ip, String locationId, String subscriptionId, OffsetDateTime assignedAt,
                               OffsetDateTime releasedAt) {
}
