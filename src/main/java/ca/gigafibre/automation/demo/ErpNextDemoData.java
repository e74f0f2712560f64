package ca.gigafibre.automation.demo;

import ca.gigafibre.automation.adapter.fake.FakeErpNext;
import ca.gigafibre.automation.adapter.fake.FakeExternalSystems;
import ca.gigafibre.automation.erpnext.EquipmentNames;
import ca.gigafibre.automation.erpnext.ErpNextSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo's ERPNext holds what the real one would after the migration: the engine's customers, plan catalogue (Items,
 * with their prices in {@code Standard Selling} and, for business items, {@code Commercial}), service locations,
 * equipment, subscriptions and technicians, each under the engine's business id as its name. Filled when the engine
 * starts and again after every demo-data load, when {@code automation.erpnext.enabled} is on.
 */
@Component
@ConditionalOnProperty(name = "automation.fakes.enabled", havingValue = "true")
public class ErpNextDemoData {

    public static final String STANDARD_SELLING = "Standard Selling";
    public static final String COMMERCIAL = "Commercial";

    /** Items a business customer's list prices too (the rest fall back to Standard Selling). */
    private static final Set<String> COMMERCIAL_ITEMS = Set.of("FIB-100-COM", "FIB-1000-COM", "VOIP-BUS", "IP-FIXE", "RTR-RENT");
    private static final Map<String, String> ITEM_GROUPS = Map.of("internet", "Internet", "phone", "Téléphonie", "tv", "Télévision",
            "equipment", "Équipement", "hosting", "Hébergement", "security", "Sécurité", "service", "Services");
    private static final Map<String, String> FREQUENCIES = Map.of("monthly", "Monthly", "annual", "Annual", "one-time", "One-time");

    private static final Logger log = LoggerFactory.getLogger(ErpNextDemoData.class);

    private final FakeErpNext erp;
    private final JdbcClient jdbc;
    private final ErpNextSettings settings;
    private final ObjectMapper json = new ObjectMapper();

    public ErpNextDemoData(FakeExternalSystems fakes, JdbcClient jdbc, ErpNextSettings settings) {
        this.erp = fakes.erpNext();
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(110)
    public void onStart() {
        if (settings.enabled()) {
            fill();
        }
    }

    @EventListener(DemoDataLoaded.class)
    public void onLoad() {
        if (settings.enabled()) {
            fill();
        }
    }

    /** Empties the fake ERPNext and enters the engine's master data into it; answers how many documents of each doctype. */
    public synchronized Map<String, Integer> fill() {
        erp.clear();
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("Item", items());
        counts.put("Item Price", itemPrices());
        counts.put("Customer", customers());
        counts.put("Service Location", locations());
        counts.put("Service Equipment", equipment());
        counts.put("Service Subscription", subscriptions());
        counts.put("Dispatch Technician", technicians());
        log.info("Fake ERPNext holds the engine's master data: {}", counts);
        return counts;
    }

    private int items() {
        return enter("Item", "SELECT sku, name_fr, category, billing_frequency, active, download_mbps, upload_mbps, olt_profile "
                + "FROM automation.plan ORDER BY id", rs -> doc(
                "name", rs.getString("sku"), "item_code", rs.getString("sku"), "item_name", rs.getString("name_fr"),
                "item_group", ITEM_GROUPS.getOrDefault(rs.getString("category"), "Services"),
                "custom_billing_frequency", FREQUENCIES.get(rs.getString("billing_frequency")), "disabled", rs.getBoolean("active") ? 0 : 1,
                "download_speed", rs.getObject("download_mbps"), "upload_speed", rs.getObject("upload_mbps"),
                "olt_profile", rs.getString("olt_profile")));
    }

    private int itemPrices() {
        List<Map<String, Object>> prices = new ArrayList<>();
        jdbc.sql("SELECT sku, price FROM automation.plan ORDER BY id").query(rs -> {
            while (rs.next()) {
                String sku = rs.getString("sku");
                prices.add(price(sku, STANDARD_SELLING, rs.getBigDecimal("price")));
                if (COMMERCIAL_ITEMS.contains(sku)) {
                    prices.add(price(sku, COMMERCIAL, rs.getBigDecimal("price")));
                }
            }
            return prices.size();
        });
        prices.forEach(p -> erp.put("Item Price", p));
        // the engine's copy of those prices, as a sync would have left it: the first sync finds them unchanged
        prices.forEach(p -> jdbc.sql("""
                INSERT INTO automation.item_price (erp_name, sku, price_list, rate, currency) VALUES (:name, :sku, :list, :rate, 'CAD')
                ON CONFLICT (erp_name) DO UPDATE SET sku = EXCLUDED.sku, price_list = EXCLUDED.price_list, rate = EXCLUDED.rate,
                    currency = EXCLUDED.currency, valid_from = NULL, valid_upto = NULL
                """).param("name", p.get("name")).param("sku", p.get("item_code")).param("list", p.get("price_list"))
                .param("rate", p.get("price_list_rate")).update());
        return prices.size();
    }

    private int customers() {
        return enter("Customer", """
                SELECT c.customer_no, c.first_name, c.last_name, c.company_name, c.is_commercial, c.language, c.status,
                       c.legacy_account_id, c.legacy_customer_id, c.email, c.cell_phone, c.phone, c.default_price_list,
                       coalesce(s.ppa, false) AS ppa, s.stripe_customer_id
                FROM automation.customer c LEFT JOIN automation.account_ppa_settings s ON s.customer_id = c.id ORDER BY c.id
                """, rs -> {
                    boolean company = rs.getBoolean("is_commercial");
                    String person = rs.getString("first_name") + " " + rs.getString("last_name");
                    String companyName = rs.getString("company_name");
                    return doc("name", rs.getString("customer_no"),
                            "customer_name", companyName != null && !companyName.isBlank() ? companyName : person,
                            "customer_type", company ? "Company" : "Individual", "customer_group", company ? COMMERCIAL : "Résidentiel",
                            // only a closed account is disabled there (as the outbox posts it): one awaiting its installation is a customer
                            "language", rs.getString("language"), "disabled", "closed".equals(rs.getString("status")) ? 1 : 0,
                            "legacy_account_id", rs.getObject("legacy_account_id"), "legacy_customer_id", rs.getString("legacy_customer_id"),
                            "ppa_enabled", rs.getBoolean("ppa") ? 1 : 0, "stripe_id", rs.getString("stripe_customer_id"),
                            "email_id", rs.getString("email"),
                            "mobile_no", rs.getString("cell_phone") != null ? rs.getString("cell_phone") : rs.getString("phone"),
                            "default_price_list", rs.getString("default_price_list"));
                });
    }

    private int locations() {
        return enter("Service Location", """
                SELECT l.location_no, c.customer_no, l.street_number, l.apt, l.street_name, l.city, l.province, l.postal_code,
                       l.latitude, l.longitude, l.olt_id, l.olt_port, l.connection_type
                FROM automation.service_location l JOIN automation.customer c ON c.id = l.customer_id ORDER BY l.id
                """, rs -> doc("name", rs.getString("location_no"), "customer", rs.getString("customer_no"),
                "address_line1", rs.getString("street_number") + " " + rs.getString("street_name")
                        + (rs.getString("apt") == null || rs.getString("apt").isBlank() ? "" : ", app. " + rs.getString("apt")),
                "city", rs.getString("city"), "state", rs.getString("province"), "pincode", rs.getString("postal_code"),
                "latitude", rs.getBigDecimal("latitude"), "longitude", rs.getBigDecimal("longitude"),
                "olt_name", rs.getString("olt_id"), "olt_port", rs.getString("olt_port"),
                "connection_type", rs.getString("connection_type"), "status", "Active"));
    }

    private int equipment() {
        return enter("Service Equipment", """
                SELECT e.equipment_no, c.customer_no, l.location_no, e.kind, e.serial, e.mac, e.status, i.ip
                FROM automation.equipment e LEFT JOIN automation.customer c ON c.id = e.customer_id
                LEFT JOIN automation.service_location l ON l.id = e.location_id
                LEFT JOIN (SELECT DISTINCT ON (location_id) location_id, host(ip) AS ip FROM automation.ip_assignment
                           WHERE released_at IS NULL ORDER BY location_id, assigned_at DESC) i
                       ON i.location_id = e.location_id AND e.kind = 'ont'
                ORDER BY e.id
                """, rs -> doc("name", rs.getString("equipment_no"), "customer", rs.getString("customer_no"),
                "service_location", rs.getString("location_no"), "equipment_type", EquipmentNames.type(rs.getString("kind")),
                "serial_no", rs.getString("serial"), "mac_address", rs.getString("mac"), "ip_address", rs.getString("ip"),
                "status", EquipmentNames.status(rs.getString("status"))));
    }

    private int subscriptions() {
        return enter("Service Subscription", """
                SELECT s.subscription_no, c.customer_no, l.location_no, p.sku, s.quantity, s.unit_price, s.price_from_list,
                       s.billing_frequency, s.start_date, s.end_date, s.status
                FROM automation.subscription s JOIN automation.customer c ON c.id = s.customer_id
                JOIN automation.plan p ON p.id = s.plan_id LEFT JOIN automation.service_location l ON l.id = s.location_id
                ORDER BY s.id
                """, rs -> doc("name", rs.getString("subscription_no"), "customer", rs.getString("customer_no"),
                "service_location", rs.getString("location_no"), "item_code", rs.getString("sku"), "qty", rs.getInt("quantity"),
                // a subscription priced from the list has no rate of its own in ERPNext
                "rate", rs.getBoolean("price_from_list") ? null : rs.getBigDecimal("unit_price"),
                "custom_billing_frequency", FREQUENCIES.get(rs.getString("billing_frequency")),
                "start_date", rs.getString("start_date"), "end_date", rs.getString("end_date"),
                "status", capitalized(rs.getString("status"))));
    }

    private int technicians() {
        return enter("Dispatch Technician", "SELECT technician_no, name, phone, active, skills::text AS skills FROM automation.technician ORDER BY id",
                rs -> {
                    List<Map<String, Object>> tags = new ArrayList<>();
                    try {
                        JsonNode skills = json.readTree(rs.getString("skills"));
                        skills.fields().forEachRemaining(skill -> tags.add(Map.of("tag", skill.getKey(), "level", skill.getValue().asInt())));
                    } catch (Exception unreadable) {
                        // no tags
                    }
                    return doc("name", rs.getString("technician_no"), "technician_name", rs.getString("name"),
                            "status", rs.getBoolean("active") ? "Active" : "Inactive", "phone", rs.getString("phone"), "tags", tags);
                });
    }

    private interface Row {
        Map<String, Object> map(ResultSet rs) throws SQLException;
    }

    /** Enters one document per row; answers how many. */
    private int enter(String doctype, String sql, Row row) {
        return jdbc.sql(sql).query(rs -> {
            int n = 0;
            while (rs.next()) {
                erp.put(doctype, row.map(rs));
                n++;
            }
            return n;
        });
    }

    private static Map<String, Object> price(String sku, String priceList, java.math.BigDecimal rate) {
        return doc("name", priceList.equals(STANDARD_SELLING) ? "PRICE-" + sku : "PRICE-" + sku + "-" + priceList.toUpperCase(),
                "item_code", sku, "price_list", priceList, "price_list_rate", rate, "currency", "CAD", "selling", 1,
                "valid_from", null, "valid_upto", null);
    }

    /** A document from name/value pairs; nulls kept (ERPNext answers empty fields as null). */
    private static Map<String, Object> doc(Object... pairs) {
        Map<String, Object> doc = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            doc.put((String) pairs[i], pairs[i + 1]);
        }
        return doc;
    }

    private static String capitalized(String status) {
        return status == null || status.isEmpty() ? status : Character.toUpperCase(status.charAt(0)) + status.substring(1);
    }
}
