package ca.gigafibre.automation.billing.charge;

import ca.gigafibre.automation.adapter.payment.ChargeResult;
import ca.gigafibre.automation.platform.time.BusinessTime;
import java.math.BigDecimal;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The charge ledger ({@code automation.charge_attempt}): each attempt is committed in its own transaction before the
 * processor is called and after it answers, so a job that crashes in between leaves a row that says "ask the
 * processor first" ({@code requested} or {@code unknown}), never a silent second charge.
 */
@Component
public class ChargeLedger {

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    public ChargeLedger(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public record Attempt(String idempotencyKey, int attempt, BigDecimal amount, String method, String state, String processorRef,
                          String declineReason) {

        /** The processor has answered for sure; nothing to ask again. */
        public boolean answered() {
            return !state.equals("requested") && !state.equals("unknown");
        }

        public ChargeResult result() {
            return new ChargeResult(switch (state) {
                case "succeeded", "settled" -> "SUCCEEDED";
                case "pending" -> "PENDING";
                default -> "DECLINED";
            }, processorRef, declineReason);
        }
    }

    public Optional<Attempt> find(String idempotencyKey) {
        return jdbc.sql("""
                SELECT idempotency_key, attempt, amount, method, state, processor_ref, decline_reason FROM automation.charge_attempt
                WHERE idempotency_key = :key
                """).param("key", idempotencyKey)
                .query((rs, n) -> new Attempt(rs.getString(1), rs.getInt(2), rs.getBigDecimal(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7)))
                .optional();
    }

    /** Records the intent, committed before the processor is called. */
    public Attempt request(String invoiceNo, int attempt, BigDecimal amount, String method, String idempotencyKey) {
        ownTransaction.executeWithoutResult(tx -> jdbc.sql("""
                INSERT INTO automation.charge_attempt (invoice_id, attempt, amount, method, idempotency_key, state, requested_at, updated_at)
                SELECT id, :attempt, :amount, :method, :key, 'requested', :now, :now FROM automation.invoice WHERE invoice_no = :invoice
                """).param("attempt", attempt).param("amount", amount).param("method", method).param("key", idempotencyKey)
                .param("now", BusinessTime.now()).param("invoice", invoiceNo).update());
        return find(idempotencyKey).orElseThrow();
    }

    /** What the processor answered, committed at once. */
    public void settle(String idempotencyKey, ChargeResult result) {
        String state = switch (result.status()) {
            case "SUCCEEDED" -> "succeeded";
            case "PENDING" -> "pending";
            default -> "declined";
        };
        update(idempotencyKey, state, result.reference(), result.declineReason());
    }

    /** The last attempt of an invoice that is waiting for its bank debit to settle. */
    public Optional<Attempt> pendingOf(String invoiceNo) {
        return jdbc.sql("""
                SELECT a.idempotency_key FROM automation.charge_attempt a JOIN automation.invoice i ON i.id = a.invoice_id
                WHERE i.invoice_no = :invoice AND a.state = 'pending' ORDER BY a.attempt DESC LIMIT 1
                """).param("invoice", invoiceNo).query(String.class).optional().flatMap(this::find);
    }

    /** The attempt whose processor reference this is (webhooks name the processor's object). */
    public Optional<Attempt> byProcessorRef(String reference) {
        return jdbc.sql("SELECT idempotency_key FROM automation.charge_attempt WHERE processor_ref = :ref").param("ref", reference)
                .query(String.class).optional().flatMap(this::find);
    }

    public String invoiceOf(String idempotencyKey) {
        return jdbc.sql("""
                SELECT i.invoice_no FROM automation.charge_attempt a JOIN automation.invoice i ON i.id = a.invoice_id WHERE a.idempotency_key = :key
                """).param("key", idempotencyKey).query(String.class).single();
    }

    /** A pending debit settled (paid) or came back (returned, with the bank's reason); in the caller's transaction. */
    public void settlement(String idempotencyKey, boolean returned, String reason) {
        jdbc.sql("""
                UPDATE automation.charge_attempt SET state = :state, return_reason = :reason, updated_at = :now
                WHERE idempotency_key = :key AND state = 'pending'
                """).param("state", returned ? "returned" : "settled").param("reason", reason).param("now", BusinessTime.now())
                .param("key", idempotencyKey).update();
    }

    /** The processor has no record of this unanswered attempt and the rules now say no charge: it is closed unsent. */
    public void withdraw(String idempotencyKey) {
        ownTransaction.executeWithoutResult(tx -> jdbc.sql("""
                UPDATE automation.charge_attempt SET state = 'withdrawn', updated_at = :now
                WHERE idempotency_key = :key AND state IN ('requested', 'unknown')
                """).param("now", BusinessTime.now()).param("key", idempotencyKey).update());
    }

    /** The processor has no record of this unanswered attempt: it is re-sent with what the rules decided now, committed first. */
    public Attempt amend(String idempotencyKey, BigDecimal amount, String method) {
        ownTransaction.executeWithoutResult(tx -> jdbc.sql("""
                UPDATE automation.charge_attempt SET amount = :amount, method = :method, state = 'requested', updated_at = :now
                WHERE idempotency_key = :key AND state IN ('requested', 'unknown')
                """).param("amount", amount).param("method", method).param("now", BusinessTime.now()).param("key", idempotencyKey).update());
        return find(idempotencyKey).orElseThrow();
    }

    /** The call failed without a clear answer (timeout, 5xx): the next try must ask the processor first. */
    public void unknown(String idempotencyKey) {
        update(idempotencyKey, "unknown", null, null);
    }

    private void update(String idempotencyKey, String state, String reference, String reason) {
        ownTransaction.executeWithoutResult(tx -> jdbc.sql("""
                UPDATE automation.charge_attempt SET state = :state, processor_ref = coalesce(:ref, processor_ref), decline_reason = :reason,
                    updated_at = :now WHERE idempotency_key = :key
                """).param("state", state).param("ref", reference).param("reason", reason).param("now", BusinessTime.now())
                .param("key", idempotencyKey).update());
    }
}
