package ca.gigafibre.automation.erpnext.sync;

import static ca.gigafibre.automation.erpnext.sync.ErpFields.date;
import static ca.gigafibre.automation.erpnext.sync.ErpFields.money;
import static ca.gigafibre.automation.erpnext.sync.ErpFields.required;
import static ca.gigafibre.automation.erpnext.sync.ErpFields.text;

import ca.gigafibre.automation.platform.time.BusinessTime;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * ERPNext {@code Item Price} → {@code item_price} (one row per ERPNext name; a list may hold several prices of an item one
 * after the other by dates). Then the plans and list-priced subscriptions of the page's items take today's price.
 */
@Component
class ItemPriceSync implements DoctypeSync {

    private final DocumentWriter writer;
    private final Links links;
    private final ListPrices prices;

    ItemPriceSync(DocumentWriter writer, Links links, ListPrices prices) {
        this.writer = writer;
        this.links = links;
        this.prices = prices;
    }

    @Override
    public String doctype() {
        return "Item Price";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public List<String> fields() {
        return List.of("name", "modified", "item_code", "price_list", "price_list_rate", "currency", "selling", "valid_from", "valid_upto");
    }

    @Override
    public PageResult apply(List<ObjectNode> page) {
        Set<String> skus = new LinkedHashSet<>();
        PageResult result = writer.write(doctype(), page, doc -> {
            RowUpsert.Outcome outcome = upsert(doc);
            skus.add(text(doc, "item_code"));
            return outcome;
        });
        prices.refresh(skus, BusinessTime.today());
        return result;
    }

    private RowUpsert.Outcome upsert(ObjectNode doc) {
        String sku = required(doc, "item_code");
        links.plan("item_code", sku);
        if ("0".equals(text(doc, "selling"))) {
            throw new Unmappable("selling", "a buying price: the engine bills from selling prices only");
        }
        BigDecimal rate = money(doc, "price_list_rate");
        if (rate == null) {
            throw new Unmappable("price_list_rate", "missing");
        }
        LocalDate from = date(doc, "valid_from");
        LocalDate upto = date(doc, "valid_upto");
        if (from != null && upto != null && upto.isBefore(from)) {
            throw new Unmappable("valid_upto", "before valid_from");
        }
        String currency = text(doc, "currency");
        return RowUpsert.into("item_price", "erp_name", required(doc, "name"))
                .set("sku", sku)
                .set("price_list", required(doc, "price_list"))
                .set("rate", rate)
                .set("currency", currency == null ? "CAD" : currency)
                .set("valid_from", from)
                .set("valid_upto", upto)
                .run(writer.jdbc());
    }
}
