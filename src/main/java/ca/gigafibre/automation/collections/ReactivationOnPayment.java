package ca.gigafibre.automation.collections;

import ca.gigafibre.automation.billing.BalanceService;
import ca.gigafibre.automation.billing.PaymentRecorded;
import ca.gigafibre.automation.rules.DecisionLog;
import ca.gigafibre.automation.rules.DecisionResult;
import ca.gigafibre.automation.rules.RuleDecisions;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * After every payment of a suspended account, {@code rules/reactivation.drl} decides; REACTIVATE starts the
 * {@code reactivation} process (unless one already runs), in the payment's transaction.
 */
@Component
public class ReactivationOnPayment {

    private final JdbcClient jdbc;
    private final BalanceService balances;
    private final RuleDecisions decisions;
    private final DecisionLog decisionLog;
    private final RuntimeService runtime;

    public ReactivationOnPayment(JdbcClient jdbc, BalanceService balances, RuleDecisions decisions, DecisionLog decisionLog,
                                 RuntimeService runtime) {
        this.jdbc = jdbc;
        this.balances = balances;
        this.decisions = decisions;
        this.decisionLog = decisionLog;
        this.runtime = runtime;
    }

    @EventListener
    public void onPayment(PaymentRecorded payment) {
        boolean suspended = jdbc.sql("""
                SELECT exists(SELECT 1 FROM automation.open_suspension WHERE customer_id = :id)
                """).param("id", payment.customerId()).query(Boolean.class).single();
        if (!suspended) {
            return;
        }
        boolean arrangement = jdbc.sql("""
                SELECT exists(SELECT 1 FROM automation.payment_arrangement WHERE customer_id = :id AND status = 'open'
                              AND created_at >= (SELECT max(started_at) FROM automation.suspension WHERE customer_id = :id))
                """).param("id", payment.customerId()).query(Boolean.class).single();
        ReactivationFacts facts = new ReactivationFacts(payment.customerNo(), true, balances.of(payment.customerNo()).balance(),
                arrangement, arrangement);
        DecisionResult result = decisions.decide("reactivation", facts);
        decisionLog.record(payment.customerId(), payment.paymentId(), facts, result, null);
        boolean running = runtime.createProcessInstanceQuery().processDefinitionKey("reactivation")
                .processInstanceBusinessKey(payment.customerNo()).active().count() > 0;
        if ("REACTIVATE".equals(result.outcome()) && !running) {
            runtime.startProcessInstanceByKey("reactivation", payment.customerNo(), Map.of("customerId", payment.customerNo(),
                    "reason", "payment " + payment.paymentId(), "decisionExplanation", result.explanation()));
        }
    }
}
