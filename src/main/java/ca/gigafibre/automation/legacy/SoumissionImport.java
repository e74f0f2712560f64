package ca.gigafibre.automation.legacy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Legacy {@code soumission} (13a) → quote and its lines: {@code materiel} (one-time) and {@code mensuel} (monthly) are
 * PHP-serialised arrays of {@code {sku, desc, amt, qte, tot}} read with {@link PhpUnserializer} (lengths in bytes);
 * an empty or blank array means no lines. The quote keeps the legacy name as its template, {@code po}, the date and
 * {@code text} as terms; it is imported as a draft (the legacy table has no status).
 */
@Component
class SoumissionImport extends TableImport<SoumissionImport.Quote> {

    private static final Upsert QUOTES = Upsert.into("quote", "legacy_soumission_id",
            List.of("customer_id", "template", "po", "quote_date", "terms"), List.of(), Map.of());

    record Line(String kind, String sku, String description, BigDecimal unitAmount, BigDecimal quantity, BigDecimal total) {
    }

    record Quote(long legacyId, byte[] hash, long customerId, String template, String po, LocalDate date, String terms,
                 List<Line> lines) implements LegacyTarget {
    }

    @Override
    public String legacyTable() {
        return "soumission";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public List<String> requiredColumns() {
        return List.of("account_id", "date", "materiel", "mensuel");
    }

    @Override
    public List<String> binaryColumns() {
        return List.of("materiel", "mensuel");
    }

    @Override
    public String targetTable() {
        return "quote";
    }

    @Override
    public String legacyColumn() {
        return "legacy_soumission_id";
    }

    @Override
    public Quote map(LegacyRow row, ImportContext context, Repairs repairs) {
        long customer = context.customer("account_id", row.integer("account_id"));
        LocalDate date = LegacyTime.date(row.integer("date"));
        if (date == null) {
            throw new LegacyValueRejected("date", "no date");
        }
        List<Line> lines = new ArrayList<>();
        lines(row, "materiel", "one-time", lines);
        lines(row, "mensuel", "monthly", lines);
        String template = row.text("name");
        String po = row.text("po");
        String terms = row.text("text");
        List<Object> values = new ArrayList<>(List.of(row.integer("account_id"), String.valueOf(template), String.valueOf(po), date,
                String.valueOf(terms)));
        lines.forEach(l -> values.addAll(List.of(l.kind(), String.valueOf(l.sku()), l.description(), l.unitAmount(), l.quantity(), l.total())));
        return new Quote(row.id(), context.fingerprint(values.toArray()), customer, template, po, date, terms, lines);
    }

    private static void lines(LegacyRow row, String column, String kind, List<Line> lines) {
        byte[] bytes = row.bytes(column);
        if (bytes == null || new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return;
        }
        Object parsed;
        try {
            parsed = PhpUnserializer.parse(bytes);
        } catch (PhpUnserializer.PhpSerializationException e) {
            throw new LegacyValueRejected(column, "corrupted PHP serialisation: " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> array)) {
            throw new LegacyValueRejected(column, "not a PHP array");
        }
        int index = 0;
        for (Object element : array.values()) {
            String field = column + "[" + index++ + "]";
            if (!(element instanceof Map<?, ?> item)) {
                throw new LegacyValueRejected(field, "not a {sku, desc, amt, qte, tot} array");
            }
            String sku = text(item.get("sku"));
            String description = text(item.get("desc"));
            if (description == null) {
                description = sku;
            }
            if (description == null) {
                throw new LegacyValueRejected(field + ".desc", "no description and no sku");
            }
            BigDecimal amount = number(item.get("amt"), field + ".amt");
            BigDecimal quantity = number(item.get("qte"), field + ".qte");
            if (amount == null || quantity == null) {
                throw new LegacyValueRejected(field + (amount == null ? ".amt" : ".qte"), "missing");
            }
            BigDecimal total = number(item.get("tot"), field + ".tot");
            if (total == null) {
                total = amount.multiply(quantity);
            }
            lines.add(new Line(kind, sku, description, amount.setScale(2, RoundingMode.HALF_UP), quantity.setScale(2, RoundingMode.HALF_UP),
                    total.setScale(2, RoundingMode.HALF_UP)));
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }

    private static BigDecimal number(Object value, String field) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            return null;
        }
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Long l) {
            return BigDecimal.valueOf(l);
        }
        try {
            return new BigDecimal(value.toString().strip().replace(',', '.').replace("$", "").strip());
        } catch (NumberFormatException e) {
            throw new LegacyValueRejected(field, "'" + value + "' is not a number");
        }
    }

    @Override
    public void write(JdbcTemplate jdbc, List<Quote> rows) {
        QUOTES.run(jdbc, rows.stream().map(q -> new Object[] {q.customerId(), q.template(), q.po(), q.date(), q.terms(), (int) q.legacyId(),
                q.hash()}).toList());
        jdbc.update("DELETE FROM automation.quote_line WHERE quote_id IN (SELECT id FROM automation.quote WHERE legacy_soumission_id = ANY(?))",
                (Object) rows.stream().map(q -> (int) q.legacyId()).toArray(Integer[]::new));
        List<Object[]> lines = new ArrayList<>();
        for (Quote q : rows) {
            for (Line l : q.lines()) {
                lines.add(new Object[] {l.kind(), l.sku(), l.description(), l.unitAmount(), l.quantity(), l.total(), (int) q.legacyId()});
            }
        }
        Upsert.batch(jdbc, """
                INSERT INTO automation.quote_line (quote_id, kind, sku, description, unit_amount, quantity, total)
                SELECT id, ?, ?, ?, ?, ?, ? FROM automation.quote WHERE legacy_soumission_id = ?
                """, 7, lines);
    }
}
