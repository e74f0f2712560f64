package ca.gigafibre.automation.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gigafibre.automation.testing.IntegrationTest;
import ca.gigafibre.automation.testing.TestCustomers;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

/** No stray delete erases financial history: a customer, invoice or payment with money history cannot be deleted. */
class MoneyHistoryRestrictTest extends IntegrationTest {

    @Autowired
    TestCustomers customers;

    @Test
    void deletingACustomerWithAnInvoiceFailsAndKeepsEverything() {
        String customer = customers.create("Restrict", false, false, false);
        customers.overdueInvoice(customer, new BigDecimal("80.00"), 5);
        long id = customerId(customer);

        assertThatThrownBy(() -> jdbc.sql("DELETE FROM automation.customer WHERE id = :id").param("id", id).update())
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("invoice_customer_id_fkey");
        assertThat(jdbc.sql("SELECT count(*) FROM automation.customer WHERE id = :id").param("id", id).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM automation.invoice WHERE customer_id = :id").param("id", id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aPaymentAndTheInvoiceItPaidCannotBeDeleted() {
        String customer = customers.create("RestrictPaid", false, false, false);
        customers.overdueInvoice(customer, new BigDecimal("50.00"), 5);
        long id = customerId(customer);
        long invoice = jdbc.sql("SELECT id FROM automation.invoice WHERE customer_id = :id").param("id", id).query(Long.class).single();
        long payment = jdbc.sql("""
                INSERT INTO automation.payment (customer_id, received_at, amount, method) VALUES (:id, :at, 50.00, 'cheque') RETURNING id
                """).param("id", id).param("at", OffsetDateTime.now()).query(Long.class).single();
        jdbc.sql("INSERT INTO automation.payment_allocation (payment_id, invoice_id, amount) VALUES (:p, :i, 50.00)")
                .param("p", payment).param("i", invoice).update();

        assertThatThrownBy(() -> jdbc.sql("DELETE FROM automation.payment WHERE id = :id").param("id", payment).update())
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("payment_allocation_payment_id_fkey");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM automation.invoice WHERE id = :id").param("id", invoice).update())
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("payment_allocation_invoice_id_fkey");
        assertThat(jdbc.sql("SELECT count(*) FROM automation.payment_allocation WHERE payment_id = :p").param("p", payment)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void everyForeignKeyOfTheMoneyTablesRestrictsDeletes() {
        // confdeltype 'r' = RESTRICT; these are every foreign key of the money tables onto a customer or a money row
        assertThat(jdbc.sql("""
                SELECT c.conname FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
                WHERE n.nspname = 'automation' AND c.contype = 'f' AND c.confdeltype = 'r'
                  AND c.conrelid::regclass::text IN ('automation.invoice', 'invoice', 'invoice_line', 'automation.invoice_line',
                      'payment', 'automation.payment', 'payment_allocation', 'automation.payment_allocation', 'charge_attempt',
                      'automation.charge_attempt', 'bank_debit_notice', 'automation.bank_debit_notice', 'payment_reversal',
                      'automation.payment_reversal', 'reversal_debit', 'automation.reversal_debit')
                ORDER BY 1
                """).query(String.class).list()).containsExactly("bank_debit_notice_invoice_id_fkey", "charge_attempt_invoice_id_fkey",
                "invoice_customer_id_fkey", "invoice_line_invoice_id_fkey", "payment_allocation_invoice_id_fkey",
                "payment_allocation_payment_id_fkey", "payment_customer_id_fkey", "payment_reversal_payment_id_fkey",
                "reversal_debit_invoice_id_fkey", "reversal_debit_payment_reversal_id_fkey");
    }

    private long customerId(String customerNo) {
        return jdbc.sql("SELECT id FROM automation.customer WHERE customer_no = :no").param("no", customerNo).query(Long.class).single();
    }
}
