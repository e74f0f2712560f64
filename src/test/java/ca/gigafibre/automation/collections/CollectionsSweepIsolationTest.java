package ca.gigafibre.automation.collections;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.collections.sweep.CollectionsSweep;
import ca.gigafibre.automation.collections.sweep.SweepResult;
import ca.gigafibre.automation.testing.BusinessDayClock;
import ca.gigafibre.automation.testing.IntegrationTest;
import ca.gigafibre.automation.testing.TestCustomers;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One account whose sweep step throws is logged and counted; the sweep goes on with the others. */
class CollectionsSweepIsolationTest extends IntegrationTest {

    @Autowired
    CollectionsSweep sweep;

    @Autowired
    TestCustomers customers;

    @Autowired
    BusinessDayClock clock;

    @AfterEach
    void realClock() {
        jdbc.sql("DROP TRIGGER IF EXISTS test_broken_account ON automation.collections_case").update();
        clock.reset();
    }

    @Test
    void anAccountWhoseCaseCannotOpenIsCountedAsFailedAndTheOthersGetTheirCase() {
        clock.businessDay();
        String broken = customers.create("SweepBroken", false, false, false);
        String healthy = customers.create("SweepHealthy", false, false, false);
        customers.overdueInvoice(broken, new BigDecimal("70.00"), 40);
        customers.overdueInvoice(healthy, new BigDecimal("80.00"), 40);
        long brokenId = idOf(broken);
        // this account's data breaks its step: its collections case cannot be written
        jdbc.sql("""
                CREATE OR REPLACE FUNCTION automation.test_broken_account() RETURNS trigger AS $$
                BEGIN RAISE EXCEPTION 'corrupt account %', NEW.customer_id; END $$ LANGUAGE plpgsql
                """).update();
        jdbc.sql("CREATE TRIGGER test_broken_account BEFORE INSERT ON automation.collections_case FOR EACH ROW WHEN (NEW.customer_id = "
                + brokenId + ") EXECUTE FUNCTION automation.test_broken_account()").update();

        SweepResult result = sweep.run();

        assertThat(result.accountsFailed()).isEqualTo(1);
        assertThat(openCase(healthy)).isTrue();
        assertThat(openCase(broken)).isFalse();
        assertThat(jdbc.sql("SELECT accounts_failed FROM automation.collections_sweep WHERE id = :id").param("id", result.id())
                .query(Integer.class).single()).isEqualTo(1);

        jdbc.sql("DROP TRIGGER test_broken_account ON automation.collections_case").update();
        SweepResult next = sweep.run();   // repaired: the next sweep takes it
        assertThat(next.accountsFailed()).isZero();
        assertThat(openCase(broken)).isTrue();
    }

    private long idOf(String customer) {
        return jdbc.sql("SELECT id FROM automation.customer WHERE customer_no = :no").param("no", customer).query(Long.class).single();
    }

    private boolean openCase(String customer) {
        return jdbc.sql("""
                SELECT exists(SELECT 1 FROM automation.collections_case k JOIN automation.customer c ON c.id = k.customer_id
                              WHERE c.customer_no = :no AND k.closed_at IS NULL)
                """).param("no", customer).query(Boolean.class).single();
    }
}
