package ca.gigafibre.automation.erpnext.sync;

import static ca.gigafibre.automation.erpnext.sync.ErpFields.date;
import static ca.gigafibre.automation.erpnext.sync.ErpFields.frequency;
import static ca.gigafibre.automation.erpnext.sync.ErpFields.integer;
import static ca.gigafibre.automation.erpnext.sync.ErpFields.money;
import static ca.gigafibre.automation.erpnext.sync.ErpFields.required;
import static ca.gigafibre.automation.erpnext.sync.ErpFields.text;

import ca.gigafibre.automation.billing.SubscriptionCancelled;
import ca.gigafibre.automation.erpnext.ErpNextSettings;
import ca.gigafibre.automation.platform.time.BusinessTime;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * ERPNext {@code Service Subscription} ({@code SUB-#####}) → {@code subscription}. Its own {@code rate} is its price;
 * without one it is priced from the lists ({@code price_from_list}; {@code unit_price} shows today's list price). A
 * subscription new to the engine counts as billed through the cut-over ({@link CutoverBilledThrough}).
 */
@Component
class ServiceSubscriptionSync implements DoctypeSync {

    private final DocumentWriter writer;
    private final Links links;
    private final ListPrices prices;
    private final BusinessNumbers numbers;
    private final ErpNextSettings settings;
    private final ApplicationEventPublisher events;

    ServiceSubscriptionSync(DocumentWriter writer, Links links, ListPrices prices, BusinessNumbers numbers, ErpNextSettings settings,
                            ApplicationEventPublisher events) {
        this.writer = writer;
        this.links = links;
        this.prices = prices;
        this.numbers = numbers;
        this.settings = settings;
        this.events = events;
    }

    @Override
    public String doctype() {
        return "Service Subscription";
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public List<String> fields() {
        return List.of("name", "modified", "custom_engine_id", "customer", "service_location", "item_code", "qty", "rate", "custom_billing_frequency",
                "start_date", "end_date", "status");
    }

    @Override
    public PageResult apply(List<ObjectNode> page) {
        PageResult result = writer.write(doctype(), page, this::upsert);
        numbers.subscriptions();
        return result;
    }

    private RowUpsert.Outcome upsert(ObjectNode doc) {
        String customerNo = text(doc, "customer");
        long customer = links.customer("customer", customerNo);
        Long location = links.location("service_location", text(doc, "service_location"));
        String sku = required(doc, "item_code");
        long plan = links.plan("item_code", sku);
        Integer quantity = integer(doc, "qty");
        if (quantity != null && quantity <= 0) {
            throw new Unmappable("qty", "must be at least 1: " + quantity);
        }
        String frequency = frequency(doc, "custom_billing_frequency");
        if (frequency == null) {
            frequency = writer.jdbc().sql("SELECT billing_frequency FROM automation.plan WHERE id = ?").param(plan).query(String.class).single();
        }
        LocalDate start = date(doc, "start_date");
        if (start == null) {
            throw new Unmappable("start_date", "missing");
        }
        LocalDate end = date(doc, "end_date");
        if (end != null && end.isBefore(start.minusDays(1))) {
            throw new Unmappable("end_date", "before start_date");
        }
        LocalDate today = BusinessTime.today();
        BigDecimal rate = money(doc, "rate");
        boolean fromList = rate == null || rate.signum() == 0;   // Frappe answers an empty rate as 0
        BigDecimal unitPrice = fromList ? listPrice(customer, sku, today) : rate;
        String key = ErpFields.engineKey(doc);
        String statusBefore = writer.jdbc().sql("SELECT status FROM automation.subscription WHERE subscription_no = ?").param(key)
                .query(String.class).optional().orElse(null);
        String status = status(text(doc, "status"));
        RowUpsert.Outcome outcome = RowUpsert.into("subscription", "subscription_no", key)
                .set("customer_id", customer)
                .set("location_id", location)
                .set("plan_id", plan)
                .set("quantity", quantity == null ? 1 : quantity)
                .set("unit_price", unitPrice)
                .set("price_from_list", fromList)
                .set("billing_frequency", frequency)
                .set("status", status)
                .set("start_date", start)
                .set("end_date", end)
                .set("billed_through", CutoverBilledThrough.of(frequency, start, end, settings.cutoverPeriod(), today))
                // what the engine has billed stays; only a subscription it never billed takes the cut-over's date
                .onUpdate("billed_through", "coalesce(t.billed_through, EXCLUDED.billed_through)")
                .run(writer.jdbc());
        if ("cancelled".equals(status) && statusBefore != null && !"cancelled".equals(statusBefore)) {
            // cancelled in ERPNext: the service is taken down on its end date as a cancellation through the API would
            long id = writer.jdbc().sql("SELECT id FROM automation.subscription WHERE subscription_no = ?").param(key).query(Long.class).single();
            events.publishEvent(new SubscriptionCancelled(id, key, customer, end != null ? end : today));
        }
        return outcome;
    }

    private BigDecimal listPrice(long customer, String sku, LocalDate today) {
        String list = writer.jdbc().sql("SELECT default_price_list FROM automation.customer WHERE id = ?").param(customer)
                .query(String.class).optional().orElse(null);
        return prices.forCustomer(sku, list, today).orElseThrow(() -> new Unmappable("rate",
                "no rate and no price for " + sku + " on " + (list == null ? "" : list + " or ") + prices.defaultList() + " today"));
    }

    private static String status(String status) {
        if (status == null) {
            throw new Unmappable("status", "missing");
        }
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "active" -> "active";
            case "pending" -> "pending";
            case "suspended" -> "suspended";
            case "cancelled", "canceled" -> "cancelled";
            default -> throw new Unmappable("status", "unknown subscription status: " + status);
        };
    }
}
