package ca.gigafibre.automation.erpnext.sync;

import static ca.gigafibre.automation.erpnext.sync.ErpFields.flag;
import static ca.gigafibre.automation.erpnext.sync.ErpFields.frequency;
import static ca.gigafibre.automation.erpnext.sync.ErpFields.integer;
import static ca.gigafibre.automation.erpnext.sync.ErpFields.required;
import static ca.gigafibre.automation.erpnext.sync.ErpFields.text;

import ca.gigafibre.automation.platform.time.BusinessTime;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * ERPNext {@code Item} → {@code plan} (the catalogue; sku = item_code). Prices are not on the Item: a plan's price is its
 * current price on the default list ({@code Standard Selling}), kept up to date by {@link ItemPriceSync}.
 */
@Component
class ItemSync implements DoctypeSync {

    private final DocumentWriter writer;
    private final ListPrices prices;

    ItemSync(DocumentWriter writer, ListPrices prices) {
        this.writer = writer;
        this.prices = prices;
    }

    @Override
    public String doctype() {
        return "Item";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public List<String> fields() {
        return List.of("name", "modified", "item_code", "item_name", "item_group", "custom_billing_frequency", "disabled",
                "download_speed", "upload_speed", "olt_profile");
    }

    @Override
    public PageResult apply(List<ObjectNode> page) {
        return writer.write(doctype(), page, this::upsert);
    }

    private RowUpsert.Outcome upsert(ObjectNode doc) {
        String sku = Optional.ofNullable(text(doc, "item_code")).orElse(required(doc, "name"));
        String name = Optional.ofNullable(text(doc, "item_name")).orElse(sku);
        String frequency = frequency(doc, "custom_billing_frequency");
        if (frequency == null) {
            throw new Unmappable("custom_billing_frequency", "missing");
        }
        Optional<BigDecimal> price = prices.on(sku, prices.defaultList(), BusinessTime.today());
        RowUpsert row = RowUpsert.into("plan", "sku", sku)
                .set("name_fr", name)
                .set("name_en", name)
                // ERPNext has one item name: the English one the engine has stays until the item is renamed there
                .onUpdate("name_en", "CASE WHEN t.name_fr = EXCLUDED.name_fr THEN t.name_en ELSE EXCLUDED.name_en END")
                .set("billing_frequency", frequency)
                .set("category", category(text(doc, "item_group")))
                .set("download_mbps", integer(doc, "download_speed"))
                .set("upload_mbps", integer(doc, "upload_speed"))
                .set("olt_profile", text(doc, "olt_profile"))
                .set("active", !flag(doc, "disabled"))
                .set("price", price.orElse(BigDecimal.ZERO.setScale(2)));
        if (price.isEmpty()) {
            row.onUpdate("price", "t.price");   // no price yet: the one the plan has stays until a price is synced
        }
        return row.run(writer.jdbc());
    }

    /** The engine's categories from ERPNext's item groups (English or French); another group is kept as its own category. */
    static String category(String itemGroup) {
        if (itemGroup == null) {
            return "internet";
        }
        String group = Normalizer.normalize(itemGroup, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).strip();
        if (group.contains("internet") || group.contains("fibre") || group.contains("fiber")) {
            return "internet";
        }
        if (group.contains("phone") || group.contains("telephon") || group.contains("voip")) {
            return "phone";
        }
        if (group.equals("tv") || group.contains("tele") || group.contains("television")) {
            return "tv";
        }
        if (group.contains("equip")) {
            return "equipment";
        }
        if (group.contains("heberg") || group.contains("hosting")) {
            return "hosting";
        }
        if (group.contains("securit")) {
            return "security";
        }
        if (group.contains("service") || group.contains("install")) {
            return "service";
        }
        return group;
    }
}
