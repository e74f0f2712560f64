package ca.gigafibre.automation.collections.casework;

import ca.gigafibre.automation.customer.CustomerRef;
import ca.gigafibre.automation.platform.time.BusinessTime;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * One collections case per account at a time. "Open or join" is one statement on a unique partial index, so two
 * sweeps, two nodes or an overdue invoice and the sweep at once still give one case and one {@code account-collections}
 * instance: the second insert waits for the first to commit and then finds the case open.
 */
@Service
public class CollectionsCases {

    public static final String PROCESS = "account-collections";
    public static final String OVERDUE_BALANCE_CLEARED = "OverdueBalanceCleared";
    private static final Logger log = LoggerFactory.getLogger(CollectionsCases.class);

    private final JdbcClient jdbc;
    private final RuntimeService runtime;

    public CollectionsCases(JdbcClient jdbc, RuntimeService runtime) {
        this.jdbc = jdbc;
        this.runtime = runtime;
    }

    /** The case that now follows the account, and whether this call opened it. */
    public record Handled(String caseNo, boolean opened) {
    }

    /** Opens the account's case and starts its process, or finds the case already open. Joins the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Handled openOrJoin(CustomerRef customer, String openedBy) {
        Optional<String> opened = jdbc.sql("""
                INSERT INTO automation.collections_case (customer_id, opened_at, opened_by) VALUES (:customer, :now, :by)
                ON CONFLICT (customer_id) WHERE closed_at IS NULL DO NOTHING RETURNING case_no
                """).param("customer", customer.id()).param("now", BusinessTime.now()).param("by", openedBy).query(String.class).optional();
        if (opened.isEmpty()) {
            return new Handled(openCaseOf(customer.id()).orElseThrow(), false);
        }
        String instance = runtime.startProcessInstanceByKey(PROCESS, customer.no().value(),
                Map.of("customerId", customer.no().value(), "caseId", opened.get())).getId();
        jdbc.sql("UPDATE automation.collections_case SET process_instance_id = :pid WHERE case_no = :no")
                .param("pid", instance).param("no", opened.get()).update();
        log.info("Collections case {} opened for {} ({})", opened.get(), customer.no(), openedBy);
        return new Handled(opened.get(), true);
    }

    public Optional<String> openCaseOf(long customerId) {
        return jdbc.sql("SELECT case_no FROM automation.collections_case WHERE customer_id = :id AND closed_at IS NULL")
                .param("id", customerId).query(String.class).optional();
    }

    /** Open invoices whose due date has passed, as of the business clock's today. */
    public BigDecimal overdueBalance(long customerId) {
        return jdbc.sql("""
                SELECT coalesce(sum(total - amount_paid), 0) FROM automation.overdue_invoice(:today) WHERE customer_id = :id
                """).param("id", customerId).param("today", BusinessTime.today()).query(BigDecimal.class).single();
    }

    /** Tells the account's case its overdue balance is cleared; true when a case was waiting for it. */
    public boolean announceCleared(String customerNo) {
        return !runtime.createMessageCorrelation(OVERDUE_BALANCE_CLEARED)
                .processInstanceBusinessKey(customerNo).correlateAllWithResult().isEmpty();
    }

    /** Idempotent: the first close wins and keeps its outcome. */
    public void close(String caseNo, String outcome) {
        int closed = jdbc.sql("""
                UPDATE automation.collections_case SET closed_at = :now, outcome = :outcome WHERE case_no = :no AND closed_at IS NULL
                """).param("now", BusinessTime.now()).param("outcome", outcome).param("no", caseNo).update();
        if (closed == 1) {
            log.info("Collections case {} closed: {}", caseNo, outcome);
        }
    }
}
