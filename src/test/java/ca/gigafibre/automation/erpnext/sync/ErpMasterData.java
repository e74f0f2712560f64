package ca.gigafibre.automation.erpnext.sync;

import ca.gigafibre.automation.adapter.fake.FakeErpNext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Master data as entered in (fake) ERPNext, under names unique to one test: two customers (a person, a company on the
 * Commercial list), two items with prices, a location, an ONT, three subscriptions (one priced from the list), a technician.
 */
final class ErpMasterData {

    final String p = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
    final String person = "C-" + p + "-1";
    final String company = "C-" + p + "-2";
    final String fibre = p + "-FIB";
    final String domain = p + "-DOM";
    final String location = "LOC-" + p + "-1";
    final String ont = "EQP-" + p + "-1";
    final String listPriced = "SUB-" + p + "-1";
    final String ownRate = "SUB-" + p + "-2";
    final String annual = "SUB-" + p + "-3";
    final String technician = "DT-" + p + "-1";

    private final FakeErpNext erp;

    ErpMasterData(FakeErpNext erp) {
        this.erp = erp;
    }

    ErpMasterData enterAll() {
        customer(person, "Marie Tremblay", false);
        erp.put("Customer", Map.of("name", company, "customer_name", "Boulangerie " + p + " inc.", "customer_type", "Company",
                "customer_group", "Commercial", "language", "en", "disabled", 0, "default_price_list", "Commercial"));
        erp.put("Item", Map.of("name", fibre, "item_code", fibre, "item_name", "Fibre 300", "item_group", "Internet",
                "custom_billing_frequency", "Monthly", "disabled", 0, "download_speed", 300, "upload_speed", 300, "olt_profile", "FTTH-300"));
        erp.put("Item", Map.of("name", domain, "item_code", domain, "item_name", "Nom de domaine", "item_group", "Hébergement",
                "custom_billing_frequency", "Annual", "disabled", 0));
        price(p + "-IP1", fibre, "Standard Selling", "74.95", "2020-01-01");
        price(p + "-IP2", fibre, "Commercial", "89.95", "2020-01-01");
        price(p + "-IP3", domain, "Standard Selling", "25.00", "2020-01-01");
        erp.put("Service Location", Map.of("name", location, "customer", person, "address_line1", "480 Rue Dufferin", "city", "Granby",
                "state", "QC", "pincode", "j2g8e5", "olt_name", "OLT-EAST", "olt_port", "1/2/3", "connection_type", "Fibre"));
        erp.put("Service Equipment", Map.of("name", ont, "customer", person, "service_location", location, "equipment_type", "ONT",
                "serial_no", p + "SN1", "mac_address", "00:0B:82:12:34:56", "status", "Installed"));
        subscription(listPriced, person, fibre, null, "2025-03-01", "Active");
        subscription(ownRate, company, fibre, "79.00", "2025-06-15", "Active");
        subscription(annual, person, domain, null, "2025-02-10", "Active");
        erp.put("Dispatch Technician", Map.of("name", technician, "technician_name", "Luc Gagnon", "status", "Active", "phone", "4505550101",
                "tags", List.of(Map.of("tag", "fibre", "level", 4), Map.of("tag", "voip", "level", 2))));
        return this;
    }

    void customer(String name, String fullName, boolean disabled) {
        erp.put("Customer", Map.of("name", name, "customer_name", fullName, "customer_type", "Individual", "customer_group", "Résidentiel",
                "language", "fr", "disabled", disabled ? 1 : 0, "email_id", name.toLowerCase() + "@example.com"));
    }

    void price(String name, String item, String list, String rate, String validFrom) {
        erp.put("Item Price", Map.of("name", name, "item_code", item, "price_list", list, "price_list_rate", rate, "currency", "CAD",
                "selling", 1, "valid_from", validFrom));
    }

    void subscription(String name, String customer, String item, String rate, String start, String status) {
        Map<String, Object> doc = new HashMap<>(Map.of("name", name, "customer", customer, "item_code", item, "qty", 1,
                "start_date", start, "status", status));
        if (rate != null) {
            doc.put("rate", rate);
        }
        if (customer.equals(person)) {
            doc.put("service_location", location);
        }
        erp.put("Service Subscription", doc);
    }
}
