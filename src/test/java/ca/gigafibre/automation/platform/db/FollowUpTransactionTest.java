package ca.gigafibre.automation.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.testing.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A follow-up runs in its own transaction: its failure is logged, undoes only its own writes, and never the event's. */
class FollowUpTransactionTest extends IntegrationTest {

    @Autowired
    FollowUpTransaction followUp;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aFailingFollowUpUndoesItsOwnWritesOnlyAndDoesNotReachTheCaller() {
        String event = "follow-up-" + UUID.randomUUID();
        String work = event + "-work";

        boolean committed = new TransactionTemplate(transactions).execute(tx -> {
            audit(event);
            return followUp.run("Test event " + event, "the test", () -> {
                audit(work);
                throw new IllegalStateException("rules down");
            });
        });

        assertThat(committed).isFalse();
        assertThat(audited(event)).isEqualTo(1);
        assertThat(audited(work)).isZero();
    }

    @Test
    void aFollowUpThatSucceedsCommitsOnItsOwnEvenWhenTheCallerRollsBack() {
        String work = "follow-up-" + UUID.randomUUID();

        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            assertThat(followUp.run("Test event", "the test", () -> audit(work))).isTrue();
            tx.setRollbackOnly();
        });

        assertThat(audited(work)).isEqualTo(1);
    }

    private void audit(String action) {
        jdbc.sql("INSERT INTO automation.audit_log (actor, action, entity_type, entity_ref, details) VALUES ('test', :a, 'test', 'x', '{}')")
                .param("a", action).update();
    }

    private int audited(String action) {
        return jdbc.sql("SELECT count(*) FROM automation.audit_log WHERE action = :a").param("a", action).query(Integer.class).single();
    }
}
