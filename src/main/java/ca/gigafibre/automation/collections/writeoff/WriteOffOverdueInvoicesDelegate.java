package ca.gigafibre.automation.collections.writeoff;

import ca.gigafibre.automation.customer.CustomerNo;
import ca.gigafibre.automation.billing.invoice.CreditNotes;
import ca.gigafibre.automation.collections.arrangement.ArrangementJudge;
import ca.gigafibre.automation.customer.CustomerRepository;
import ca.gigafibre.automation.platform.audit.AuditLog;
import ca.gigafibre.automation.platform.text.Money;
import ca.gigafibre.automation.platform.time.BusinessTime;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code account-collections-suspension / Task_WriteOffInvoices}: the person reviewing the write-off decided to write the balance
 * off. Runs in the review's completion, in one transaction: the invoices overdue now (re-read, not the list the task
 * showed) are each closed {@code written-off} by a credit note naming them, the account's open arrangements are judged
 * (a balance written off unpaid breaks them), and who decided, when, how much and why go to the audit log. The balance,
 * the reports and the next sweep then see nothing overdue.
 */
@Component("writeOffOverdueInvoices")
public class WriteOffOverdueInvoicesDelegate implements JavaDelegate {

    static final String WRITTEN_OFF = "written-off";

    private final JdbcClient jdbc;
    private final CustomerRepository customers;
    private final CreditNotes creditNotes;
    private final ArrangementJudge arrangements;
    private final AuditLog audit;

    public WriteOffOverdueInvoicesDelegate(JdbcClient jdbc, CustomerRepository customers, CreditNotes creditNotes,
                                           ArrangementJudge arrangements, AuditLog audit) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.creditNotes = creditNotes;
        this.arrangements = arrangements;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String customerNo = (String) execution.getVariable("customerId");
        long customerId = customers.idOf(CustomerNo.of(customerNo), "customerId");
        List<String> overdue = jdbc.sql("""
                SELECT invoice_no FROM automation.overdue_invoice(:today) WHERE customer_id = :id ORDER BY due_date, id
                """).param("id", customerId).param("today", BusinessTime.today()).query(String.class).list();
        arrangements.judgeOpenOf(customerId, true, execution.getProcessInstanceId());
        List<CreditNotes.Written> written = new ArrayList<>();
        for (String invoice : overdue) {
            creditNotes.creditOpenPart(invoice, WRITTEN_OFF, "Radiation de la facture", "Write-off of invoice").ifPresent(written::add);
        }
        BigDecimal amount = written.stream().map(CreditNotes.Written::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        String decidedBy = decidedBy(execution);
        String note = (String) execution.getVariable("writeOffNote");
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("case", execution.getVariable("caseId"));
        details.put("decidedBy", decidedBy);
        details.put("decidedAt", BusinessTime.now().toString());
        details.put("amount", amount);
        details.put("invoices", written.stream().map(CreditNotes.Written::invoiceNo).toList());
        details.put("creditNotes", written.stream().map(CreditNotes.Written::creditNoteNo).toList());
        details.put("note", note);
        audit.record("collections.write-off", "customer", customerNo, why(decidedBy, amount, written.size(), note), details);
        execution.setVariable("writtenOffTotalText", Money.french(amount));
        execution.setVariable("writtenOffInvoices", String.join(", ", written.stream().map(CreditNotes.Written::invoiceNo).toList()));
    }

    private static String why(String decidedBy, BigDecimal amount, int invoices, String note) {
        String reason = note == null || note.isBlank() ? "" : " : " + note;
        return "Radiation décidée par " + decidedBy + " : " + Money.french(amount) + " sur " + invoices
                + " facture(s) en souffrance, chacune fermée par une note de crédit" + reason
                + " / Write-off decided by " + decidedBy + ": " + Money.english(amount) + " on " + invoices
                + " overdue invoice(s), each closed by a credit note" + (reason.isEmpty() ? "" : ": " + note);
    }

    /** The user who completed the review (Tasklist or the engine REST), else the API's user, else the engine. */
    private static String decidedBy(DelegateExecution execution) {
        Authentication current = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return Optional.ofNullable(current).map(Authentication::getUserId).orElse(AuditLog.currentActor());
    }
}
