package ca.gigafibre.automation.erpnext.outbox;

import ca.gigafibre.automation.erpnext.EquipmentNames;
import ca.gigafibre.automation.erpnext.ErpNextSettings;
import ca.gigafibre.automation.sales.QuoteView;
import ca.gigafibre.automation.sales.Quotes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The master data the engine creates itself, as ERPNext's doctypes hold it ({@code contracts/erpnext.md}, "What the engine
 * reads"): a customer, its service locations (and later their address), devices, subscriptions (and later their
 * status), and quotes as Quotations.
 */
@Component
public class MasterDataPayloads {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;
    private final ErpNames names;
    private final Quotes quotes;
    private final ErpNextSettings.Booking booking;

    public MasterDataPayloads(JdbcClient jdbc, ErpNames names, Quotes quotes, ErpNextSettings settings) {
        this.jdbc = jdbc;
        this.names = names;
        this.quotes = quotes;
        this.booking = settings.booking();
    }

    public ObjectNode customer(String customerNo) {
        return jdbc.sql("""
                SELECT first_name, last_name, company_name, email, coalesce(cell_phone, phone) AS mobile, language, is_commercial, status,
                       legacy_account_id, legacy_customer_id, default_price_list
                FROM automation.customer WHERE customer_no = :no
                """).param("no", customerNo).query((rs, n) -> {
            ObjectNode doc = JSON.createObjectNode();
            String person = (rs.getString("first_name") + " " + rs.getString("last_name")).strip();
            boolean commercial = rs.getBoolean("is_commercial");
            doc.put("customer_name", rs.getString("company_name") != null && !rs.getString("company_name").isBlank()
                    ? rs.getString("company_name") : person);
            doc.put("customer_type", commercial ? "Company" : "Individual");
            doc.put("customer_group", commercial ? "Commercial" : "Résidentiel");
            doc.put("language", rs.getString("language"));
            doc.put("disabled", "closed".equals(rs.getString("status")) ? 1 : 0);
            doc.put("email_id", rs.getString("email"));
            doc.put("mobile_no", rs.getString("mobile"));
            if (rs.getObject("legacy_account_id") != null) {
                doc.put("legacy_account_id", rs.getInt("legacy_account_id"));
            }
            doc.put("legacy_customer_id", rs.getString("legacy_customer_id"));
            doc.put("default_price_list", rs.getString("default_price_list"));
            doc.put("name", customerNo);   // ERPNext names these by the business id the engine shares with it (C-…, LOC-…, SUB-…)
            doc.put("custom_engine_id", customerNo);
            return doc;
        }).single();
    }

    public ObjectNode location(String locationNo) {
        return jdbc.sql("""
                SELECT c.customer_no, l.street_number, l.apt, l.street_name, l.city, l.province, l.postal_code, l.latitude, l.longitude,
                       l.olt_id, l.olt_port, l.connection_type
                FROM automation.service_location l JOIN automation.customer c ON c.id = l.customer_id WHERE l.location_no = :no
                """).param("no", locationNo).query((rs, n) -> {
            ObjectNode doc = JSON.createObjectNode();
            doc.put("customer", names.customer(rs.getString("customer_no")));
            String apt = rs.getString("apt");
            doc.put("address_line1", rs.getString("street_number") + " " + rs.getString("street_name")
                    + (apt == null || apt.isBlank() ? "" : ", app. " + apt));
            doc.put("city", rs.getString("city"));
            doc.put("state", rs.getString("province"));
            doc.put("pincode", rs.getString("postal_code"));
            doc.put("latitude", rs.getBigDecimal("latitude"));
            doc.put("longitude", rs.getBigDecimal("longitude"));
            doc.put("olt_name", rs.getString("olt_id"));
            doc.put("olt_port", rs.getString("olt_port"));
            doc.put("connection_type", rs.getString("connection_type"));
            doc.put("status", "Active");
            doc.put("name", locationNo);   // ERPNext names these by the business id the engine shares with it (C-…, LOC-…, SUB-…)
            doc.put("custom_engine_id", locationNo);
            return doc;
        }).single();
    }

    /**
     * A device as ERPNext's {@code Service Equipment} holds it (the types and statuses the sync reads back); an ONT also
     * carries its location's IP address in service, empty once released.
     */
    public ObjectNode equipment(String equipmentNo) {
        return jdbc.sql("""
                SELECT c.customer_no, l.location_no, e.kind, e.serial, e.mac, e.status,
                       (SELECT host(a.ip) FROM automation.ip_assignment a WHERE a.location_id = e.location_id AND a.released_at IS NULL
                        AND e.status IN ('assigned', 'installed', 'to-return') ORDER BY a.assigned_at DESC LIMIT 1) AS ip
                FROM automation.equipment e
                JOIN automation.customer c ON c.id = e.customer_id LEFT JOIN automation.service_location l ON l.id = e.location_id
                WHERE e.equipment_no = :no
                """).param("no", equipmentNo).query((rs, n) -> {
            ObjectNode doc = JSON.createObjectNode();
            doc.put("customer", names.customer(rs.getString("customer_no")));
            if (rs.getString("location_no") != null) {
                doc.put("service_location", names.location(rs.getString("location_no")));
            }
            doc.put("equipment_type", EquipmentNames.type(rs.getString("kind")));
            doc.put("serial_no", rs.getString("serial"));
            doc.put("mac_address", rs.getString("mac"));
            doc.put("status", EquipmentNames.status(rs.getString("status")));
            if ("ont".equals(rs.getString("kind"))) {
                doc.put("ip_address", rs.getString("ip") == null ? "" : rs.getString("ip"));
            }
            doc.put("name", equipmentNo);   // ERPNext names these by the business id the engine shares with it (EQP-…)
            doc.put("custom_engine_id", equipmentNo);
            return doc;
        }).single();
    }

    public ObjectNode subscription(String subscriptionNo) {
        return jdbc.sql("""
                SELECT c.customer_no, l.location_no, p.sku, s.quantity, s.unit_price, s.price_from_list, s.billing_frequency, s.start_date,
                       s.end_date, s.status
                FROM automation.subscription s JOIN automation.customer c ON c.id = s.customer_id JOIN automation.plan p ON p.id = s.plan_id
                LEFT JOIN automation.service_location l ON l.id = s.location_id WHERE s.subscription_no = :no
                """).param("no", subscriptionNo).query((rs, n) -> {
            ObjectNode doc = status(rs.getString("status"), rs.getObject("end_date", LocalDate.class));
            doc.put("customer", names.customer(rs.getString("customer_no")));
            if (rs.getString("location_no") != null) {
                doc.put("service_location", names.location(rs.getString("location_no")));
            }
            doc.put("item_code", rs.getString("sku"));
            doc.put("qty", rs.getInt("quantity"));
            if (!rs.getBoolean("price_from_list")) {
                doc.put("rate", rs.getBigDecimal("unit_price"));
            }
            doc.put("custom_billing_frequency", LedgerPayloads.frequency(rs.getString("billing_frequency")));
            doc.put("start_date", rs.getObject("start_date", LocalDate.class).toString());
            doc.put("name", subscriptionNo);   // ERPNext names these by the business id the engine shares with it (C-…, LOC-…, SUB-…)
            doc.put("custom_engine_id", subscriptionNo);
            return doc;
        }).single();
    }

    /** What an activation or a cancellation changes on a subscription already in ERPNext. */
    public ObjectNode subscriptionStatus(String subscriptionNo) {
        return jdbc.sql("SELECT status, end_date FROM automation.subscription WHERE subscription_no = :no").param("no", subscriptionNo)
                .query((rs, n) -> status(rs.getString(1), rs.getObject(2, LocalDate.class))).single();
    }

    public ObjectNode quotation(String quoteNo) {
        QuoteView quote = quotes.get(quoteNo);
        ObjectNode doc = JSON.createObjectNode();
        doc.put("quotation_to", "Customer");
        doc.put("party_name", names.customer(quote.customerId()));
        doc.put("company", booking.company());
        doc.put("transaction_date", quote.date().toString());
        if (quote.expiresOn() != null) {
            doc.put("valid_till", quote.expiresOn().toString());
        }
        doc.put("order_type", "Sales");
        doc.put("currency", "CAD");
        ArrayNode items = doc.putArray("items");
        for (QuoteView.Line line : quote.lines()) {
            ObjectNode item = items.addObject();
            item.put("item_code", line.sku());
            item.put("description", line.description());
            item.put("qty", line.quantity());
            item.put("rate", line.unitPrice());
            item.put("amount", line.total());
            item.put("custom_billing_frequency", LedgerPayloads.frequency(line.frequency()));
        }
        ArrayNode taxes = doc.putArray("taxes");
        LedgerPayloads.tax(taxes, "TPS", booking.tpsAccount(), LedgerPayloads.TPS_RATE, quote.tps());
        LedgerPayloads.tax(taxes, "TVQ", booking.tvqAccount(), LedgerPayloads.TVQ_RATE, quote.tvq());
        doc.put("grand_total", quote.total());
        doc.put("custom_engine_id", quoteNo);
        return doc;
    }

    private static ObjectNode status(String engineStatus, LocalDate endDate) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("status", switch (engineStatus) {
            case "active" -> "Active";
            case "suspended" -> "Suspended";
            case "cancelled" -> "Cancelled";
            default -> "Pending";
        });
        if (endDate != null) {
            doc.put("end_date", endDate.toString());
        }
        return doc;
    }
}
