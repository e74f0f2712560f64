package ca.gigafibre.automation.billing.charge;

import ca.gigafibre.automation.billing.invoice.InvoiceWriter;
import ca.gigafibre.automation.platform.time.BusinessTime;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A bank debit returned after its invoice's process ended (a PAD return the charge reconciler finds days later): the
 * reopened invoice is followed again from where the process would have been right after the return's notice
 * ({@value #AFTER_RETURN} of billing-collections) — the NSF retry the returned-debit rules allow (ppa-charge: a new
 * pre-notification, the debit on a business day) or the wait for payment, the due date and collections.
 */
@Component
public class ReturnedInvoiceFollowUp {

    static final String AFTER_RETURN = "Gateway_RetryAfterReturn";

    private static final Logger log = LoggerFactory.getLogger(ReturnedInvoiceFollowUp.class);

    private final JdbcClient jdbc;
    private final RuntimeService runtime;

    public ReturnedInvoiceFollowUp(JdbcClient jdbc, RuntimeService runtime) {
        this.jdbc = jdbc;
        this.runtime = runtime;
    }

    private record OpenInvoice(String customerNo, LocalDate dueDate, int lastAttempt) {
    }

    public void follow(PendingDebits.Returned returned) {
        String invoice = returned.invoiceNo();
        if (runtime.createProcessInstanceQuery().processDefinitionKeyIn(InvoiceWriter.PROCESS, "ppa-charge").processInstanceBusinessKey(invoice)
                .count() > 0) {
            return;   // followed already
        }
        Optional<OpenInvoice> open = jdbc.sql("""
                SELECT c.customer_no, i.due_date, (SELECT coalesce(max(a.attempt), 0) FROM automation.charge_attempt a WHERE a.invoice_id = i.id)
                FROM automation.invoice i JOIN automation.customer c ON c.id = i.customer_id
                WHERE i.invoice_no = :no AND i.status = 'open' AND i.total > i.amount_paid
                """).param("no", invoice)
                .query((rs, n) -> new OpenInvoice(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getInt(3))).optional();
        if (open.isEmpty()) {
            return;   // paid meanwhile: nothing to follow
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("invoiceId", invoice);
        variables.put("customerId", open.get().customerNo());
        variables.put("dueDate", BusinessTime.startOf(open.get().dueDate().plusDays(1)));
        variables.put("returnedDebitKey", returned.debitKey());
        variables.put("returnCategory", returned.category());
        variables.put("returnFeeInvoice", returned.feeInvoice());
        variables.put("ppaSwitchedOff", returned.ppaSwitchedOff());
        variables.put("retryDebit", returned.retry());
        variables.put("decisionExplanation", returned.explanation());
        if (returned.retry()) {
            variables.put("chargeAttempt", open.get().lastAttempt() + 1);
            variables.put("ppaDecision", "CHARGE");
        }
        String started = runtime.createProcessInstanceByKey(InvoiceWriter.PROCESS).businessKey(invoice).setVariables(variables)
                .startBeforeActivity(AFTER_RETURN).execute().getId();
        log.info("Invoice {} reopened by a debit returned after settlement ({}): followed again by {} ({})", invoice, returned.category(),
                started, returned.retry() ? "the debit is tried once more" : "payment or the due date");
    }
}
