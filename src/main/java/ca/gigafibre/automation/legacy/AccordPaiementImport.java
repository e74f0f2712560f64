package ca.gigafibre.automation.legacy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Legacy {@code accord_paiement} (13b) → payment arrangements: unix-second dates ({@code 0} = unset), status −1/0/1 →
 * pending/open/completed, method 0–4 → unset/portal/cheque/phone/ppa, the staff id, note and reason for change.
 */
@Component
class AccordPaiementImport extends TableImport<AccordPaiementImport.Arrangement> {

    private static final List<String> METHODS = List.of("unset", "portal", "cheque", "phone", "ppa");
    private static final Upsert ARRANGEMENTS = Upsert.into("payment_arrangement", "legacy_accord_id",
            List.of("customer_id", "amount", "agreed_date", "due_date", "cutoff_date", "method", "status", "staff", "note", "change_reason"),
            List.of(), Map.of());

    record Arrangement(long legacyId, byte[] hash, long customerId, BigDecimal amount, LocalDate agreed, LocalDate due, LocalDate cutoff,
                       String method, String status, String staff, String note, String changeReason) implements LegacyTarget {
    }

    @Override
    public String legacyTable() {
        return "accord_paiement";
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public List<String> requiredColumns() {
        return List.of("account_id", "date_accord", "date_echeance", "date_coupure", "montant", "method", "status");
    }

    @Override
    public String targetTable() {
        return "payment_arrangement";
    }

    @Override
    public String legacyColumn() {
        return "legacy_accord_id";
    }

    @Override
    public Arrangement map(LegacyRow row, ImportContext context, Repairs repairs) {
        long customer = context.customer("account_id", row.integer("account_id"));
        BigDecimal amount = row.decimal("montant");
        if (amount == null || amount.signum() <= 0) {
            throw new LegacyValueRejected("montant", amount == null ? "no amount" : amount.signum() < 0 ? "negative amount" : "zero amount");
        }
        LocalDate agreed = LegacyTime.date(row.integer("date_accord"));
        LocalDate due = LegacyTime.date(row.integer("date_echeance"));
        LocalDate cutoff = LegacyTime.date(row.integer("date_coupure"));
        if (agreed == null) {
            throw new LegacyValueRejected("date_accord", "no agreement date");
        }
        if (due == null) {
            throw new LegacyValueRejected("date_echeance", "no due date");
        }
        if (cutoff != null && cutoff.isBefore(agreed)) {
            throw new LegacyValueRejected("date_coupure", "cutoff date " + cutoff + " is before the agreement date " + agreed);
        }
        if (cutoff != null && cutoff.isBefore(due)) {
            throw new LegacyValueRejected("date_coupure", "cutoff date " + cutoff + " is before the due date " + due);
        }
        Long method = row.integer("method");
        if (method == null || method < 0 || method > 4) {
            throw new LegacyValueRejected("method", "unknown method " + method + " (0 to 4)");
        }
        Long status = row.integer("status");
        String ourStatus = status == null ? null : switch (status.intValue()) {
            case -1 -> "pending";
            case 0 -> "open";
            case 1 -> "completed";
            default -> null;
        };
        if (ourStatus == null) {
            throw new LegacyValueRejected("status", "unknown status " + status + " (-1, 0 or 1)");
        }
        String staff = row.text("staff_id");
        String note = row.text("note");
        String reason = row.text("raison_changement");
        amount = amount.setScale(2, java.math.RoundingMode.HALF_UP);
        byte[] hash = context.fingerprint(row.integer("account_id"), amount, agreed, due, cutoff, method, ourStatus, staff, note, reason);
        return new Arrangement(row.id(), hash, customer, amount, agreed, due, cutoff, METHODS.get(method.intValue()), ourStatus, staff, note,
                reason);
    }

    @Override
    public void write(JdbcTemplate jdbc, List<Arrangement> rows) {
        ARRANGEMENTS.run(jdbc, rows.stream().map(a -> new Object[] {a.customerId(), a.amount(), a.agreed(), a.due(), a.cutoff(), a.method(),
                a.status(), a.staff(), a.note(), a.changeReason(), (int) a.legacyId(), a.hash()}).toList());
    }
}
