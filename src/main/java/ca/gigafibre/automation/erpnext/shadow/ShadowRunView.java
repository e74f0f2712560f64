package ca.gigafibre.automation.erpnext.shadow;

import ca.gigafibre.automation.billing.ShadowBilling;
import java.time.OffsetDateTime;

/**
 * A shadow billing run: how many customers each side billed for the period, how many differ (listed by
 * {@code GET /api/billing/runs/{id}/drift}), and why it failed if it did.
 */
public record ShadowRunView(long id, String period, String mode, String status, int engineCustomers, int erpCustomers, int drifting,
                            String error, OffsetDateTime startedAt, OffsetDateTime finishedAt)
        implements ShadowBilling.Run {
}
