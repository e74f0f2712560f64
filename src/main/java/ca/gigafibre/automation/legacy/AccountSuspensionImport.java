package ca.gigafibre.automation.legacy;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Legacy {@code account_suspension} (13g) → suspensions. Most legacy rows are flags ({@code date_start = date_end = 0}):
 * they are kept without dates (reason {@code legacy-flag}), which the engine does not count as an open suspension;
 * dated rows keep their dates and their reason, mapped to non-payment, customer-request, abuse or fraud from a
 * {@code reason} column or the note when the words say which ({@link LegacySuspensionReasons}), else {@code legacy} —
 * which only staff may lift ({@code rules/reactivation.drl}).
 */
@Component
class AccountSuspensionImport extends TableImport<AccountSuspensionImport.Suspension> {

    private static final Upsert SUSPENSIONS = Upsert.into("suspension", "legacy_suspension_id",
            List.of("customer_id", "started_at", "ended_at", "reason", "note"), List.of(), Map.of());

    record Suspension(long legacyId, byte[] hash, long customerId, OffsetDateTime started, OffsetDateTime ended, String reason, String note)
            implements LegacyTarget {
    }

    @Override
    public String legacyTable() {
        return "account_suspension";
    }

    @Override
    public int order() {
        return 110;
    }

    @Override
    public List<String> requiredColumns() {
        return List.of("account_id", "date_start", "date_end");
    }

    @Override
    public String targetTable() {
        return "suspension";
    }

    @Override
    public String legacyColumn() {
        return "legacy_suspension_id";
    }

    @Override
    public Suspension map(LegacyRow row, ImportContext context, Repairs repairs) {
        long customer = context.customer("account_id", row.integer("account_id"));
        OffsetDateTime started = LegacyTime.instant(row.integer("date_start"));
        OffsetDateTime ended = LegacyTime.instant(row.integer("date_end"));
        if (started != null && ended != null && ended.isBefore(started)) {
            throw new LegacyValueRejected("date_end", "ends before it starts");
        }
        String note = row.text("note");
        String reason = started == null && ended == null ? "legacy-flag"
                : LegacySuspensionReasons.of(row.has("reason") ? row.text("reason") : null)
                        .or(() -> LegacySuspensionReasons.of(note)).orElse("legacy");
        return new Suspension(row.id(), context.fingerprint(row.integer("account_id"), started, ended, reason, note), customer, started, ended,
                reason, note);
    }

    @Override
    public void write(JdbcTemplate jdbc, List<Suspension> rows) {
        SUSPENSIONS.run(jdbc, rows.stream().map(s -> new Object[] {s.customerId(), s.started(), s.ended(), s.reason(), s.note(),
                (int) s.legacyId(), s.hash()}).toList());
    }
}
