package ca.gigafibre.automation.legacy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Legacy {@code bon_travail} (13c) → work orders: the date, note and amounts ({@code subtotal, tps, tvq, total};
 * billable when the total is above 0), and one technician row per {@code tech1}/{@code tech2} with the arrival and
 * departure ({@code heure_arrive_tN}/{@code heure_depart_tN}: unix seconds or a time of day on the work date).
 */
@Component
class BonTravailImport extends TableImport<BonTravailImport.WorkOrder> {

    private static final Upsert ORDERS = Upsert.into("work_order", "legacy_bon_travail_id",
            List.of("customer_id", "work_date", "note", "billable", "subtotal", "tps", "tvq", "total"), List.of(), Map.of());

    record Technician(String name, OffsetDateTime arrived, OffsetDateTime departed) {
    }

    record WorkOrder(long legacyId, byte[] hash, long customerId, LocalDate date, String note, BigDecimal subtotal, BigDecimal tps,
                     BigDecimal tvq, BigDecimal total, List<Technician> technicians) implements LegacyTarget {
    }

    @Override
    public String legacyTable() {
        return "bon_travail";
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public List<String> requiredColumns() {
        return List.of("account_id", "date", "tech1");
    }

    @Override
    public String targetTable() {
        return "work_order";
    }

    @Override
    public String legacyColumn() {
        return "legacy_bon_travail_id";
    }

    @Override
    public WorkOrder map(LegacyRow row, ImportContext context, Repairs repairs) {
        long customer = context.customer("account_id", row.integer("account_id"));
        LocalDate date = LegacyTime.date(row.integer("date"));
        if (date == null) {
            throw new LegacyValueRejected("date", "no date");
        }
        List<Technician> technicians = new ArrayList<>();
        for (int slot = 1; slot <= 2; slot++) {
            String name = row.text("tech" + slot);
            if (name == null || name.equals("0")) {
                continue;
            }
            OffsetDateTime arrived = LegacyTime.onDay("heure_arrive_t" + slot, row.raw("heure_arrive_t" + slot), date);
            OffsetDateTime departed = LegacyTime.onDay("heure_depart_t" + slot, row.raw("heure_depart_t" + slot), date);
            if (arrived != null && departed != null && departed.isBefore(arrived)) {
                throw new LegacyValueRejected("heure_depart_t" + slot, "departure before arrival");
            }
            technicians.add(new Technician(name, arrived, departed));
        }
        BigDecimal subtotal = amount(row, "subtotal");
        BigDecimal tps = amount(row, "tps");
        BigDecimal tvq = amount(row, "tvq");
        BigDecimal total = amount(row, "total");
        String note = row.text("note");
        List<Object> values = new ArrayList<>(List.of(row.integer("account_id"), date, String.valueOf(note), subtotal, tps, tvq, total));
        technicians.forEach(t -> values.addAll(java.util.Arrays.asList(t.name(), t.arrived(), t.departed())));
        return new WorkOrder(row.id(), context.fingerprint(values.toArray()), customer, date, note, subtotal, tps, tvq, total, technicians);
    }

    private static BigDecimal amount(LegacyRow row, String column) {
        BigDecimal value = row.decimal(column);
        if (value == null) {
            return BigDecimal.ZERO.setScale(2);
        }
        if (value.signum() < 0) {
            throw new LegacyValueRejected(column, "negative amount");
        }
        return value.setScale(2, java.math.RoundingMode.HALF_UP);
    }

    @Override
    public void write(JdbcTemplate jdbc, List<WorkOrder> rows) {
        ORDERS.run(jdbc, rows.stream().map(w -> new Object[] {w.customerId(), w.date(), w.note(), w.total().signum() > 0, w.subtotal(),
                w.tps(), w.tvq(), w.total(), (int) w.legacyId(), w.hash()}).toList());
        jdbc.update("DELETE FROM automation.work_order_technician WHERE work_order_id IN "
                        + "(SELECT id FROM automation.work_order WHERE legacy_bon_travail_id = ANY(?))",
                (Object) rows.stream().map(w -> (int) w.legacyId()).toArray(Integer[]::new));
        List<Object[]> technicians = new ArrayList<>();
        for (WorkOrder w : rows) {
            for (Technician t : w.technicians()) {
                technicians.add(new Object[] {t.name(), t.arrived(), t.departed(), (int) w.legacyId()});
            }
        }
        Upsert.batch(jdbc, """
                INSERT INTO automation.work_order_technician (work_order_id, technician, arrived_at, departed_at)
                SELECT id, ?, ?, ? FROM automation.work_order WHERE legacy_bon_travail_id = ?
                """, 4, technicians);
    }

    @Override
    public void remember(ImportContext context, WorkOrder row) {
        context.wouldBeWorkOrder(row.legacyId());
    }
}
