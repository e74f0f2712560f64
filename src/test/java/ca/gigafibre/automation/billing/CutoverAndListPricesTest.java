package ca.gigafibre.automation.billing;

import ca.gigafibre.automation.billing.invoice.FirstInvoices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gigafibre.automation.billing.run.BillingRunService;
import ca.gigafibre.automation.platform.error.InvalidRequestException;
import ca.gigafibre.automation.testing.IntegrationTest;
import ca.gigafibre.automation.testing.TestCustomers;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The billing run after the ERPNext cut-over (the tests' {@code automation.erpnext.cutover-period} is 2000-01): no real run
 * of an earlier period, and subscriptions without their own rate billed at ERPNext's Item Price valid on each month's
 * first day. Periods of 2002 here: no other test's subscription starts that early.
 */
class CutoverAndListPricesTest extends IntegrationTest {

    @Autowired
    BillingRunService runs;

    @Autowired
    TestCustomers customers;

    @Autowired
    FirstInvoices firstInvoices;

    @Test
    void aRealRunBeforeTheCutoverIsRefusedNamingThePeriod() {
        ResponseEntity<JsonNode> refused = as("ops").postForEntity("/api/billing/runs", Map.of("period", "1999-12"), JsonNode.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().path("errors").get(0).path("field").asText()).isEqualTo("period");
        assertThatThrownBy(() -> runs.execute(YearMonth.of(1999, 12))).isInstanceOf(InvalidRequestException.class);
        assertThat(jdbc.sql("SELECT count(*) FROM automation.billing_run WHERE period = '1999-12'").query(Long.class).single()).isZero();
    }

    @Test
    void listPricedSubscriptionsPayTheirListsPriceOfEachMonthTheCustomersListFirst() {
        jdbc.sql("""
                INSERT INTO automation.plan (sku, name_fr, name_en, price, billing_frequency) VALUES ('LP-FIB', 'Fibre liste', 'Fibre list', 50.00, 'monthly')
                ON CONFLICT (sku) DO NOTHING
                """).update();
        // Standard Selling raises its price on 2002-07-01; the Commercial list has its own price all along
        price("IP-LP-1", "Standard Selling", "60.00", null, LocalDate.of(2002, 6, 30));
        price("IP-LP-2", "Standard Selling", "65.00", LocalDate.of(2002, 7, 1), null);
        price("IP-LP-3", "Commercial", "55.00", null, null);
        String standard = customers.create("ListeStandard", false, false, false);
        String commercial = customers.create("ListeCommerciale", false, false, false);
        String ownRate = customers.create("PrixPropre", false, false, false);
        jdbc.sql("UPDATE automation.customer SET default_price_list = 'Commercial' WHERE customer_no = :no").param("no", commercial).update();
        subscribe(standard, true);
        subscribe(commercial, true);
        subscribe(ownRate, false);

        runs.execute(YearMonth.of(2002, 6));   // May caught up, and June
        runs.execute(YearMonth.of(2002, 7));

        assertThat(monthlyAmounts(standard)).containsExactly("2002-05-01 60.00", "2002-06-01 60.00", "2002-07-01 65.00");
        assertThat(monthlyAmounts(commercial)).containsExactly("2002-05-01 55.00", "2002-06-01 55.00", "2002-07-01 55.00");
        assertThat(monthlyAmounts(ownRate)).containsExactly("2002-05-01 50.00", "2002-06-01 50.00", "2002-07-01 50.00");
    }

    @Test
    void aFirstInvoiceOfAListPricedSubscriptionPaysItsListsPriceLikeTheRun() {
        jdbc.sql("""
                INSERT INTO automation.plan (sku, name_fr, name_en, price, billing_frequency) VALUES ('LP-FIB', 'Fibre liste', 'Fibre list', 50.00, 'monthly')
                ON CONFLICT (sku) DO NOTHING
                """).update();
        price("IP-LP-3", "Commercial", "55.00", null, null);
        String commercial = customers.create("PremiereListe", false, false, false);
        jdbc.sql("UPDATE automation.customer SET default_price_list = 'Commercial' WHERE customer_no = :no").param("no", commercial).update();
        // activated on 2002-06-16 and ended with June: the first invoice is all it is ever billed (other tests' runs leave it alone)
        long subscription = jdbc.sql("""
                INSERT INTO automation.subscription (customer_id, plan_id, quantity, unit_price, billing_frequency, status, start_date, end_date, price_from_list)
                SELECT c.id, p.id, 1, 50.00, 'monthly', 'active', DATE '2002-06-16', DATE '2002-06-30', true
                FROM automation.customer c, automation.plan p WHERE c.customer_no = :no AND p.sku = 'LP-FIB' RETURNING id
                """).param("no", commercial).query(Long.class).single();

        long customerId = jdbc.sql("SELECT id FROM automation.customer WHERE customer_no = :no").param("no", commercial).query(Long.class).single();
        firstInvoices.issue(customerId, List.of(subscription), LocalDate.of(2002, 6, 16), "test");

        assertThat(jdbc.sql("""
                SELECT l.unit_price || ' ' || l.amount FROM automation.invoice_line l JOIN automation.invoice i ON i.id = l.invoice_id
                JOIN automation.customer c ON c.id = i.customer_id WHERE c.customer_no = :no AND l.sku = 'LP-FIB'
                """).param("no", commercial).query(String.class).list()).containsExactly("55.00 27.50");   // 15 of June's 30 days at 55.00
    }

    private void price(String name, String list, String rate, LocalDate from, LocalDate upto) {
        jdbc.sql("""
                INSERT INTO automation.item_price (erp_name, sku, price_list, rate, valid_from, valid_upto)
                VALUES (:name, 'LP-FIB', :list, :rate, :from, :upto) ON CONFLICT (erp_name) DO NOTHING
                """).param("name", name).param("list", list).param("rate", new BigDecimal(rate)).param("from", from).param("upto", upto).update();
    }

    /** Active from May 2002, ended with July (so later periods of other tests never bill it). */
    private void subscribe(String customerNo, boolean fromList) {
        jdbc.sql("""
                INSERT INTO automation.subscription (customer_id, plan_id, quantity, unit_price, billing_frequency, status, start_date, end_date, price_from_list)
                SELECT c.id, p.id, 1, 50.00, 'monthly', 'active', DATE '2002-05-01', DATE '2002-07-31', :fromList
                FROM automation.customer c, automation.plan p WHERE c.customer_no = :no AND p.sku = 'LP-FIB'
                """).param("no", customerNo).param("fromList", fromList).update();
    }

    private List<String> monthlyAmounts(String customerNo) {
        return jdbc.sql("""
                SELECT l.period_start || ' ' || l.amount FROM automation.invoice_line l JOIN automation.invoice i ON i.id = l.invoice_id
                JOIN automation.customer c ON c.id = i.customer_id WHERE c.customer_no = :no AND l.sku = 'LP-FIB' ORDER BY l.period_start
                """).param("no", customerNo).query(String.class).list();
    }
}
