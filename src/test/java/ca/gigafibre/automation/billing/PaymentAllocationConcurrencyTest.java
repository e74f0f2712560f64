package ca.gigafibre.automation.billing;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.billing.payment.PaymentService;
import ca.gigafibre.automation.testing.IntegrationTest;
import ca.gigafibre.automation.testing.TestCustomers;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One payment's money is never allocated twice, even by two invoices allocating it at the same moment (a database guarantee). */
class PaymentAllocationConcurrencyTest extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    TestCustomers customers;

    @Autowired
    PaymentService payments;

    @Test
    void twoInvoicesAllocatingTheSameCreditAtOnceCannotBothTakeIt() throws Exception {
        String customer = customers.create("DoubleCredit", false, false, false);
        long payment = creditOf(customer, "50.00");
        long first = openInvoice(customer, "50.00");
        long second = openInvoice(customer, "50.00");

        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch firstAllocated = new CountDownLatch(1);
        CountDownLatch firstMayCommit = new CountDownLatch(1);
        try {
            Future<?> one = threads.submit(() -> inTransaction(c -> {
                allocate(c, payment, first, "50.00");
                firstAllocated.countDown();
                firstMayCommit.await();
            }));
            assertThat(firstAllocated.await(10, TimeUnit.SECONDS)).isTrue();
            Future<?> two = threads.submit(() -> inTransaction(c -> allocate(c, payment, second, "50.00")));
            try {
                two.get(1, TimeUnit.SECONDS);   // without the guarantee it goes through at once
            } catch (TimeoutException waitingForThePaymentLock) {
                // expected: it queues behind the first allocation of the same payment
            } catch (java.util.concurrent.ExecutionException refusedAtOnce) {
                // also acceptable: refused without waiting
            }
            firstMayCommit.countDown();
            one.get(10, TimeUnit.SECONDS);
            Throwable refused = null;
            try {
                two.get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                refused = e.getCause();
            }
            assertThat(refused).isInstanceOf(SQLException.class).hasMessageContaining("cannot be allocated");
        } finally {
            firstMayCommit.countDown();
            threads.shutdownNow();
        }
        assertThat(allocated(payment)).isEqualByComparingTo("50.00");
    }

    @Test
    void creditAppliedTwiceAtOnceIsHandedOutOnce() throws Exception {
        String customer = customers.create("CreditTwice", false, false, false);
        long payment = creditOf(customer, "50.00");
        openInvoice(customer, "50.00");
        openInvoice(customer, "50.00");
        long customerId = jdbc.sql("SELECT id FROM automation.customer WHERE customer_no = :no").param("no", customer).query(Long.class).single();

        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<String>>> runs = List.of(
                    threads.submit(() -> { go.await(); return payments.applyCredit(customerId); }),
                    threads.submit(() -> { go.await(); return payments.applyCredit(customerId); }));
            go.countDown();
            int invoicesPaid = 0;
            for (Future<List<String>> run : runs) {
                invoicesPaid += run.get(30, TimeUnit.SECONDS).size();
            }
            assertThat(invoicesPaid).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
        assertThat(allocated(payment)).isEqualByComparingTo("50.00");
    }

    private interface Work {
        void run(Connection c) throws Exception;
    }

    private Void inTransaction(Work work) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                work.run(c);
                c.commit();
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        }
        return null;
    }

    private static void allocate(Connection c, long payment, long invoice, String amount) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO automation.payment_allocation (payment_id, invoice_id, amount) VALUES (?, ?, ?)")) {
            insert.setLong(1, payment);
            insert.setLong(2, invoice);
            insert.setBigDecimal(3, new BigDecimal(amount));
            insert.executeUpdate();
        }
    }

    /** A payment with nothing allocated yet (received before the invoices existed). */
    private long creditOf(String customer, String amount) {
        return jdbc.sql("""
                INSERT INTO automation.payment (customer_id, received_at, amount, method, reference)
                SELECT id, now(), :amount, 'portal', 'credit-test' FROM automation.customer WHERE customer_no = :no RETURNING id
                """).param("amount", new BigDecimal(amount)).param("no", customer).query(Long.class).single();
    }

    private long openInvoice(String customer, String total) {
        return jdbc.sql("""
                INSERT INTO automation.invoice (customer_id, issue_date, due_date, subtotal, tps, tvq, total, status)
                SELECT id, current_date, current_date + 21, :total, 0, 0, :total, 'open' FROM automation.customer WHERE customer_no = :no RETURNING id
                """).param("total", new BigDecimal(total)).param("no", customer).query(Long.class).single();
    }

    private BigDecimal allocated(long payment) {
        return jdbc.sql("SELECT coalesce(sum(amount), 0) FROM automation.payment_allocation WHERE payment_id = :p").param("p", payment)
                .query(BigDecimal.class).single();
    }
}
