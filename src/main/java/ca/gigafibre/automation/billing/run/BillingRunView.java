package ca.gigafibre.automation.billing.run;

import java.time.OffsetDateTime;
import java.util.List;

/** Progress of a billing run: invoices written for how many accounts, processes started, errors. */
public record BillingRunView(long id, String period, String status, int accounts, int invoices, int started, List<String> errors,
                             OffsetDateTime startedAt, OffsetDateTime finishedAt) {
}
