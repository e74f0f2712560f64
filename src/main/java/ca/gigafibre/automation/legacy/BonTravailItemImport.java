package ca.gigafibre.automation.legacy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Legacy {@code bon_travail_item} (parts on a work order: {@code bon_id, product_id, qte, price, desc}) → work order parts. */
@Component
class BonTravailItemImport extends TableImport<BonTravailItemImport.Part> {

    private static final Upsert PARTS = Upsert.into("work_order_part", "legacy_bon_travail_item_id",
            List.of("work_order_id", "sku", "description", "quantity", "unit_price", "amount"), List.of(), Map.of());

    record Part(long legacyId, byte[] hash, long workOrderId, String sku, String description, BigDecimal quantity, BigDecimal price,
                BigDecimal amount) implements LegacyTarget {
    }

    @Override
    public String legacyTable() {
        return "bon_travail_item";
    }

    @Override
    public int order() {
        return 70;
    }

    @Override
    public List<String> requiredColumns() {
        return List.of("bon_id", "qte", "price");
    }

    @Override
    public String targetTable() {
        return "work_order_part";
    }

    @Override
    public String legacyColumn() {
        return "legacy_bon_travail_item_id";
    }

    @Override
    public Part map(LegacyRow row, ImportContext context, Repairs repairs) {
        long workOrder = context.workOrder("bon_id", row.integer("bon_id"));
        String sku = row.text("product_id");
        String description = row.text("desc") != null ? row.text("desc") : sku == null ? null : "Produit " + sku;
        if (description == null) {
            throw new LegacyValueRejected("desc", "no description and no product");
        }
        BigDecimal quantity = row.decimal("qte");
        BigDecimal price = row.decimal("price");
        if (quantity == null || price == null) {
            throw new LegacyValueRejected(quantity == null ? "qte" : "price", "missing");
        }
        if (price.signum() < 0) {
            throw new LegacyValueRejected("price", "negative amount");
        }
        quantity = quantity.setScale(2, RoundingMode.HALF_UP);
        price = price.setScale(2, RoundingMode.HALF_UP);
        BigDecimal amount = quantity.multiply(price).setScale(2, RoundingMode.HALF_UP);
        return new Part(row.id(), context.fingerprint(row.integer("bon_id"), sku, description, quantity, price), workOrder, sku, description,
                quantity, price, amount);
    }

    @Override
    public void write(JdbcTemplate jdbc, List<Part> rows) {
        PARTS.run(jdbc, rows.stream().map(p -> new Object[] {p.workOrderId(), p.sku(), p.description(), p.quantity(), p.price(), p.amount(),
                (int) p.legacyId(), p.hash()}).toList());
    }
}
