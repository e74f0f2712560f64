package ca.gigafibre.automation.billing.charge;

import ca.gigafibre.automation.billing.invoice.InvoiceWriter;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A charge taken back after its invoice's process ended (a PAD return or a card chargeback the charge reconciler finds
 * days later): the reopened invoice is followed again from where the process would have been right after a return's
 * notice ({@value #AFTER_RETURN} of billing-collections) — for a PAD return, the NSF retry the returned-debit rules allow
 * (ppa-charge: a new pre-notification, the debit on a business day); otherwise the wait for payment, the due date and
 * collections.
 */
@Component
public class ReturnedInvoiceFollowUp {

    static final String AFTER_RETURN = "Gateway_RetryAfterReturn";

    private static final Logger log = LoggerFactory.getLogger(ReturnedInvoiceFollowUp.class);

    private final JdbcClient jdbc;
    private final RuntimeService runtime;
    private final HistoryService history;

    public ReturnedInvoiceFollowUp(JdbcClient jdbc, RuntimeService runtime, HistoryService history) {
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.history = history;
    }

    private record OpenInvoice(String customerNo, LocalDate dueDate, int lastAttempt) {
    }

    /** A card chargeback: nothing is retried; the invoice waits for its payment or its due date. */
    public void follow(String invoice) {
        follow(invoice, null);
    }

    /** A PAD return, as {@code rules/returned-debit.drl} decided it. */
    public void follow(PendingDebits.Returned returned) {
        follow(returned.invoiceNo(), returned);
    }

    private void follow(String invoice, PendingDebits.Returned returned) {
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
        Map<String, Object> variables = InvoiceWriter.processVariables(invoice, open.get().customerNo(), open.get().dueDate());
        boolean retry = returned != null && returned.retry();
        variables.put("retryDebit", retry);
        if (returned != null) {
            variables.put("returnedDebitKey", returned.debitKey());
            variables.put("returnCategory", returned.category());
            variables.put("returnFeeInvoice", returned.feeInvoice());
            variables.put("ppaSwitchedOff", returned.ppaSwitchedOff());
            variables.put("decisionExplanation", returned.explanation());
        }
        if (retry) {
            variables.put("chargeAttempt", open.get().lastAttempt() + 1);
            variables.put("ppaDecision", "CHARGE");
            variables.put("chargeApproved", approvedBefore(invoice));   // a person's approval above the limit holds for the retry, as in-process
        }
        String started = runtime.createProcessInstanceByKey(InvoiceWriter.PROCESS).businessKey(invoice).setVariables(variables)
                .startBeforeActivity(AFTER_RETURN).execute().getId();
        log.info("Invoice {} reopened by a charge taken back after settlement: followed again by {} ({})", invoice, started,
                retry ? "the debit is tried once more" : "payment or the due date");
    }

    /** Whether a person approved charging this invoice above the account's limit in its earlier billing-collections. */
    private boolean approvedBefore(String invoice) {
        String[] earlier = history.createHistoricProcessInstanceQuery().processDefinitionKey(InvoiceWriter.PROCESS)
                .processInstanceBusinessKey(invoice).list().stream().map(HistoricProcessInstance::getId).toArray(String[]::new);
        return earlier.length > 0 && history.createHistoricVariableInstanceQuery().variableName("chargeApproved").processInstanceIdIn(earlier)
                .list().stream().map(HistoricVariableInstance::getValue).anyMatch(Boolean.TRUE::equals);
    }
}
