package ca.gigafibre.automation.legacy;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Legacy {@code ip_history} (13h: account, delivery, service, ip, date) → IP assignments. The legacy table logs each
 * assignment; an assignment ends when the next one of the same account and delivery begins (computed up front from the
 * whole table, so batches and resumes agree), the last one is current.
 */
@Component
class IpHistoryImport extends TableImport<IpHistoryImport.Assignment> {

    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Upsert ASSIGNMENTS = Upsert.into("ip_assignment", "legacy_ip_history_id",
            List.of("customer_id", "location_id", "ip", "assigned_at", "released_at"), List.of(), Map.of("ip", "CAST(? AS inet)"));

    private final Map<Long, Long> nextDate = new HashMap<>();

    record Assignment(long legacyId, byte[] hash, long customerId, Long locationId, String ip, OffsetDateTime assigned, OffsetDateTime released)
            implements LegacyTarget {
    }

    @Override
    public String legacyTable() {
        return "ip_history";
    }

    @Override
    public int order() {
        return 120;
    }

    @Override
    public List<String> requiredColumns() {
        return List.of("account_id", "delivery_id", "ip", "date");
    }

    @Override
    public String targetTable() {
        return "ip_assignment";
    }

    @Override
    public String legacyColumn() {
        return "legacy_ip_history_id";
    }

    private record Entry(long id, long account, long delivery, long date) {
    }

    @Override
    public void prepare(ImportContext context, LegacySource source) {
        nextDate.clear();
        Map<String, List<Entry>> byPlace = new HashMap<>();
        try {
            source.scan("SELECT id, account_id, delivery_id, `date` FROM ip_history WHERE `date` > 0", rs -> {
                Entry e = new Entry(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
                byPlace.computeIfAbsent(e.account() + "/" + e.delivery(), k -> new ArrayList<>()).add(e);
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read ip_history: " + e.getMessage(), e);
        }
        for (List<Entry> entries : byPlace.values()) {
            entries.sort(Comparator.comparingLong(Entry::date).thenComparingLong(Entry::id));
            for (int i = 0; i + 1 < entries.size(); i++) {
                nextDate.put(entries.get(i).id(), entries.get(i + 1).date());
            }
        }
    }

    @Override
    public Assignment map(LegacyRow row, ImportContext context, Repairs repairs) {
        Long account = row.integer("account_id");
        long customer = context.customer("account_id", account);
        String ip = row.text("ip");
        if (ip == null || !(IPV4.matcher(ip).matches() || ip.matches("[0-9a-fA-F:]{2,39}") && ip.contains("::") || ip.matches("([0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}"))) {
            throw new LegacyValueRejected("ip", ip == null ? "no IP address" : "'" + ip + "' is not an IP address");
        }
        OffsetDateTime assigned = LegacyTime.instant(row.integer("date"));
        if (assigned == null) {
            throw new LegacyValueRejected("date", "no date");
        }
        OffsetDateTime released = LegacyTime.instant(nextDate.get(row.id()));
        Long location = context.location(row.integer("delivery_id"), account, customer);
        return new Assignment(row.id(), context.fingerprint(account, row.integer("delivery_id"), ip, assigned, released), customer, location, ip,
                assigned, released);
    }

    @Override
    public void write(JdbcTemplate jdbc, List<Assignment> rows) {
        ASSIGNMENTS.run(jdbc, rows.stream().map(a -> new Object[] {a.customerId(), a.locationId(), a.ip(), a.assigned(), a.released(),
                (int) a.legacyId(), a.hash()}).toList());
    }
}
