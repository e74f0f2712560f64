package ca.gigafibre.automation.collections;

import ca.gigafibre.automation.billing.PaymentService;
import ca.gigafibre.automation.rules.DecisionFacts;
import ca.gigafibre.automation.rules.DecisionLog;
import ca.gigafibre.automation.rules.DecisionResult;
import ca.gigafibre.automation.rules.RuleDecisions;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evaluates every account through the same rules and starts or correlates what is out of step: invoices paid
 * elsewhere whose process still waits for the payment, suspended accounts whose balance is cleared, accounts due
 * for suspension with no suspension under way. Running it twice in a row starts nothing new: what it starts the
 * first time is under way the second.
 */
@Service
public class CollectionsSweep {

    private static final Logger log = LoggerFactory.getLogger(CollectionsSweep.class);
    private static final Set<String> NEEDS_THE_PROCESS = Set.of("SUSPEND", "APPROVAL_REQUIRED", "NOTICE_REQUIRED", "WAIT_BUSINESS_DAY");

    private final JdbcClient jdbc;
    private final RuntimeService runtime;
    private final SuspensionFactsLoader suspensionFacts;
    private final RuleDecisions decisions;
    private final DecisionLog decisionLog;

    public CollectionsSweep(JdbcClient jdbc, RuntimeService runtime, SuspensionFactsLoader suspensionFacts, RuleDecisions decisions,
                            DecisionLog decisionLog) {
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.suspensionFacts = suspensionFacts;
        this.decisions = decisions;
        this.decisionLog = decisionLog;
    }

    @Transactional
    public SweepResult run() {
        long started = System.nanoTime();
        long sweepId = jdbc.sql("INSERT INTO automation.collections_sweep DEFAULT VALUES RETURNING id").query(Long.class).single();
        int correlated = correlatePaidInvoices();
        int reactivations = reactivateClearedAccounts();
        List<SuspensionFacts> accounts = suspensionFacts.loadAll();
        int suspensions = startDueSuspensions(accounts);
        long millis = (System.nanoTime() - started) / 1_000_000;
        jdbc.sql("""
                UPDATE automation.collections_sweep SET finished_at = now(), accounts = :accounts, payments_correlated = :correlated,
                    reactivations = :reactivations, suspensions = :suspensions WHERE id = :id
                """).param("accounts", accounts.size()).param("correlated", correlated).param("reactivations", reactivations)
                .param("suspensions", suspensions).param("id", sweepId).update();
        log.info("Collections sweep #{}: {} accounts, {} payments correlated, {} reactivations and {} suspensions started, in {} ms",
                sweepId, accounts.size(), correlated, reactivations, suspensions, millis);
        return new SweepResult(sweepId, accounts.size(), correlated, reactivations, suspensions, millis);
    }

    /** Paid elsewhere (cheque entered in the legacy system, ERP sync ...): the invoice's process still waits. */
    private int correlatePaidInvoices() {
        Set<String> waiting = new HashSet<>();
        for (ProcessInstance instance : runtime.createProcessInstanceQuery().processDefinitionKey("billing-collections").active().list()) {
            waiting.add(instance.getBusinessKey());
        }
        if (waiting.isEmpty()) {
            return 0;
        }
        List<String> paid = jdbc.sql("SELECT invoice_no FROM automation.invoice WHERE status = 'paid' AND invoice_no IN (:keys)")
                .param("keys", waiting).query(String.class).list();
        int correlated = 0;
        for (String invoice : paid) {
            correlated += runtime.createMessageCorrelation(PaymentService.PAYMENT_RECEIVED).processInstanceBusinessKey(invoice)
                    .correlateAllWithResult().size();
        }
        return correlated;
    }

    private int reactivateClearedAccounts() {
        List<ReactivationFacts> suspended = jdbc.sql("""
                SELECT c.customer_no, coalesce((SELECT sum(total - amount_paid) FROM automation.invoice i
                                                WHERE i.customer_id = c.id AND i.status = 'open'), 0) AS balance
                FROM automation.customer c
                WHERE exists(SELECT 1 FROM automation.open_suspension s WHERE s.customer_id = c.id)
                """).query((rs, n) -> new ReactivationFacts(rs.getString(1), true, rs.getBigDecimal(2), false, false)).list();
        Set<String> running = runningFor("reactivation");
        running.addAll(runningFor("suspension"));
        int started = 0;
        Map<String, ReactivationFacts> facts = bySubject(suspended);
        for (Map.Entry<String, DecisionResult> decided : decisions.decideAll("reactivation", suspended).entrySet()) {
            if ("REACTIVATE".equals(decided.getValue().outcome()) && !running.contains(decided.getKey())) {
                log(decided.getKey(), facts, decided.getValue());
                runtime.startProcessInstanceByKey("reactivation", decided.getKey(), Map.of("customerId", decided.getKey(),
                        "reason", "sweep: balance cleared", "decisionExplanation", decided.getValue().explanation()));
                started++;
            }
        }
        return started;
    }

    private int startDueSuspensions(List<SuspensionFacts> accounts) {
        Set<String> running = runningFor("suspension");
        running.addAll(runningFor("reactivation"));
        int started = 0;
        Map<String, SuspensionFacts> facts = bySubject(accounts);
        for (Map.Entry<String, DecisionResult> decided : decisions.decideAll("suspension", accounts).entrySet()) {
            if (NEEDS_THE_PROCESS.contains(decided.getValue().outcome()) && !running.contains(decided.getKey())) {
                log(decided.getKey(), facts, decided.getValue());
                runtime.startProcessInstanceByKey("suspension", decided.getKey(), Map.of("customerId", decided.getKey(),
                        "reason", "non-payment", "requestedByStaff", false));
                started++;
            }
        }
        return started;
    }

    private Set<String> runningFor(String processKey) {
        Set<String> keys = new HashSet<>();
        runtime.createProcessInstanceQuery().processDefinitionKey(processKey).active().list().forEach(i -> keys.add(i.getBusinessKey()));
        return keys;
    }

    private void log(String customerNo, Map<String, ? extends DecisionFacts> facts, DecisionResult result) {
        Long customerId = jdbc.sql("SELECT id FROM automation.customer WHERE customer_no = :no").param("no", customerNo).query(Long.class).single();
        decisionLog.record(customerId, "sweep", facts.get(customerNo), result, null);
    }

    private static <F extends DecisionFacts> Map<String, F> bySubject(List<F> facts) {
        return facts.stream().collect(java.util.stream.Collectors.toMap(DecisionFacts::getSubject, f -> f, (a, b) -> a));
    }

}
