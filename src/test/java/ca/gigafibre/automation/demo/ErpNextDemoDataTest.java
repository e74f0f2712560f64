package ca.gigafibre.automation.demo;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.adapter.fake.FakeErpNext;
import ca.gigafibre.automation.adapter.fake.FakeExternalSystems;
import ca.gigafibre.automation.testing.IntegrationTest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo's ERPNext holds the engine's master data, under the engine's business ids, and follows a replaced data set. */
class ErpNextDemoDataTest extends IntegrationTest {

    @Autowired
    DemoDataGenerator generator;

    @Autowired
    ErpNextDemoData demoData;

    @Autowired
    FakeExternalSystems fakes;

    @Test
    void theFakeErpNextHoldsAsManyDocumentsAsTheEngineHasRowsAndFollowsAReplace() {
        generator.generate(0.02, 11, true);
        FakeErpNext erp = fakes.erpNext();
        erp.put("Sales Invoice", Map.of("name", "LEFT-OVER"));

        Map<String, Integer> filled = demoData.fill();

        assertCountsEqualTheEngines(erp, filled);
        assertThat(erp.all("Sales Invoice")).isEmpty();
        assertThat(erp.count("Item Price")).isEqualTo((int) count("plan") + 5);

        String customerNo = jdbc.sql("SELECT customer_no FROM automation.customer ORDER BY id LIMIT 1").query(String.class).single();
        ObjectNode customer = erp.doc("Customer", customerNo).orElseThrow();
        assertThat(customer.path("customer_group").asText()).isIn("Résidentiel", "Commercial");
        assertThat(customer.path("language").asText()).isIn("fr", "en");

        Map<String, Object> subscription = jdbc.sql("""
                SELECT s.subscription_no, c.customer_no, p.sku, s.unit_price FROM automation.subscription s
                JOIN automation.customer c ON c.id = s.customer_id JOIN automation.plan p ON p.id = s.plan_id ORDER BY s.id LIMIT 1
                """).query().singleRow();
        ObjectNode erpSubscription = erp.doc("Service Subscription", (String) subscription.get("subscription_no")).orElseThrow();
        assertThat(erpSubscription.path("customer").asText()).isEqualTo(subscription.get("customer_no"));
        assertThat(erpSubscription.path("item_code").asText()).isEqualTo(subscription.get("sku"));
        assertThat(erpSubscription.path("rate").decimalValue()).isEqualByComparingTo((java.math.BigDecimal) subscription.get("unit_price"));

        ObjectNode technician = erp.all("Dispatch Technician").get(0);
        ObjectNode withTags = erp.doc("Dispatch Technician", technician.path("name").asText()).orElseThrow();
        assertThat(withTags.path("tags").size()).isPositive();
        assertThat(withTags.path("tags").get(0).path("level").asInt()).isBetween(1, 5);

        generator.generate(0.01, 12, true);
        Map<String, Integer> refilled = demoData.fill();
        assertCountsEqualTheEngines(erp, refilled);
        assertThat(refilled.get("Customer")).isLessThan(filled.get("Customer"));
    }

    private void assertCountsEqualTheEngines(FakeErpNext erp, Map<String, Integer> filled) {
        Map<String, String> tables = Map.of("Customer", "customer", "Item", "plan", "Service Location", "service_location",
                "Service Equipment", "equipment", "Service Subscription", "subscription", "Dispatch Technician", "technician");
        tables.forEach((doctype, table) -> {
            assertThat(erp.count(doctype)).as(doctype).isEqualTo((int) count(table));
            assertThat(filled.get(doctype)).as(doctype).isEqualTo((int) count(table));
        });
        assertThat(count("customer")).isPositive();
    }
}
