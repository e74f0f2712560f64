package ca.gigafibre.automation.voip.orphan;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What a confirmation with {@code previewToken} (before {@code validUntil}) would remove; nothing is removed yet. */
public record DeregistrationPreview(boolean confirmed, UUID previewToken, OffsetDateTime validUntil, List<OrphanRegistration> orphans) {
}
