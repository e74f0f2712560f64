package ca.gigafibre.automation.billing;

import ca.gigafibre.automation.customer.CustomerNo;
import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.collections.casework.CollectionsCases;
import ca.gigafibre.automation.customer.CustomerRepository;
import ca.gigafibre.automation.platform.time.BusinessTime;
import ca.gigafibre.automation.testing.IntegrationTest;
import ca.gigafibre.automation.testing.TestCustomers;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "Overdue" has one definition, {@code automation.overdue_invoice(today)}: an open invoice past its due date. The balance
 * the API shows and the collections facts read it, so they agree on every kind of invoice.
 */
class OverdueDefinitionTest extends IntegrationTest {

    @Autowired
    TestCustomers customers;

    @Autowired
    CustomerRepository customerIds;

    @Autowired
    CollectionsCases cases;

    @Test
    void onlyAnOpenInvoicePastItsDueDateIsOverdueForTheBalanceAndForCollections() {
        String customer = customers.create("Échéance", false, false, false);
        customers.overdueInvoice(customer, new BigDecimal("100.00"), 1);   // due yesterday: overdue
        customers.overdueInvoice(customer, new BigDecimal("50.00"), 0);    // due today: not yet
        customers.overdueInvoice(customer, new BigDecimal("30.00"), 5);    // bank debit in flight: not overdue
        customers.overdueInvoice(customer, new BigDecimal("20.00"), 5);    // written off: not overdue
        jdbc.sql("""
                UPDATE automation.invoice SET status = CASE total WHEN 30.00 THEN 'payment-pending' ELSE 'written-off' END
                WHERE customer_id = (SELECT id FROM automation.customer WHERE customer_no = :no) AND total IN (30.00, 20.00)
                """).param("no", customer).update();

        JsonNode balance = as("ops").getForObject("/api/customers/" + customer + "/balance", JsonNode.class);
        assertThat(balance.path("overdue").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(cases.overdueBalance(customerIds.idOf(CustomerNo.of(customer), "customerId"))).isEqualByComparingTo("100.00");
        assertThat(jdbc.sql("""
                SELECT count(*) FROM automation.overdue_invoice(:today) o JOIN automation.customer c ON c.id = o.customer_id WHERE c.customer_no = :no
                """).param("today", BusinessTime.today()).param("no", customer).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void noQueryOfTheEngineSaysOverdueInItsOwnWords() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            List<Path> ownWords = files.filter(path -> path.toString().endsWith(".java")).filter(path -> {
                try {
                    String source = Files.readString(path).replaceAll("\\s+", " ");
                    return source.contains("status = 'open' AND due_date <") || source.contains("i.status = 'open' AND i.due_date <");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
            assertThat(ownWords).isEmpty();
        }
    }
}
