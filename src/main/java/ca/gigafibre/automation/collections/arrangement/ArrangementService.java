package ca.gigafibre.automation.collections.arrangement;

import ca.gigafibre.automation.customer.CustomerNo;
import ca.gigafibre.automation.customer.CustomerRepository;
import ca.gigafibre.automation.platform.audit.AuditLog;
import ca.gigafibre.automation.platform.error.InvalidRequestException;
import ca.gigafibre.automation.platform.error.NotFoundException;
import ca.gigafibre.automation.platform.time.BusinessHours;
import ca.gigafibre.automation.platform.time.BusinessTime;
import ca.gigafibre.automation.rules.DecisionResult;
import ca.gigafibre.automation.workflow.AsEngine;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payment arrangements: recorded (API or the "Negotiate payment arrangement" task), announced to the account's
 * collections case ({@code ArrangementMade}); {@link ArrangementJudge} ends them as {@code rules/arrangement-cutoff.drl}
 * says, at their due and cutoff dates wherever the case is, when the case closes, and in the nightly sweep.
 */
@Service
public class ArrangementService {

    public static final String ARRANGEMENT_MADE = "ArrangementMade";

    private final JdbcClient jdbc;
    private final CustomerRepository customers;
    private final RuntimeService runtime;
    private final AuditLog audit;
    private final BusinessHours hours;
    private final ArrangementJudge judge;

    public ArrangementService(JdbcClient jdbc, CustomerRepository customers, RuntimeService runtime, AuditLog audit,
                              BusinessHours hours, ArrangementJudge judge) {
        this.judge = judge;
        this.hours = hours;
        this.jdbc = jdbc;
        this.customers = customers;
        this.runtime = runtime;
        this.audit = audit;
    }

    @Transactional
    public ArrangementView record(CustomerNo customerNo, NewArrangement a) {
        long customerId = customers.idOf(customerNo, "id");
        LocalDate today = BusinessTime.today();
        if (a.dueDate().isBefore(today)) {
            throw new InvalidRequestException("dueDate", "must not be in the past");
        }
        if (a.cutoffDate().isBefore(a.dueDate())) {
            throw new InvalidRequestException("cutoffDate", "must not be before dueDate " + a.dueDate());
        }
        String no = jdbc.sql("""
                INSERT INTO automation.payment_arrangement (customer_id, amount, agreed_date, due_date, cutoff_date, method, status, staff,
                    note, change_reason)
                VALUES (:customer, :amount, :agreed, :due, :cutoff, :method, 'open', :staff, :note, :reason) RETURNING arrangement_no
                """)
                .param("customer", customerId).param("amount", a.amount()).param("agreed", today).param("due", a.dueDate())
                .param("cutoff", a.cutoffDate()).param("method", a.method() == null ? "unset" : a.method())
                .param("staff", AuditLog.currentActor()).param("note", a.note()).param("reason", a.changeReason())
                .query(String.class).single();
        // no payload: the case's catching events read the arrangement they follow themselves (followLatestArrangement), so an
        // arrangement caught only by the "Arrangement running" event subprocess does not overwrite the one the case follows
        AsEngine.run(() -> runtime.createMessageCorrelation(ARRANGEMENT_MADE).processInstanceBusinessKey(customerNo.value()).correlateAllWithResult());
        audit.record("arrangement.made", "customer", customerNo.value(), a.changeReason(), Map.of("arrangement", no, "amount", a.amount()));
        return get(no);
    }

    /** Kept, pending, broken or cutoff due, as of today ({@link ArrangementJudge}: the rules decide, the status follows). */
    public DecisionResult judge(String arrangementNo, String processInstanceId) {
        return judge.judge(arrangementNo, processInstanceId);
    }

    /** The account's newest arrangement still open (the one just made, inside the transaction that made it). */
    public ArrangementView latestOpen(CustomerNo customerNo) {
        long customerId = customers.idOf(customerNo, "customerId");
        return jdbc.sql("""
                SELECT arrangement_no FROM automation.payment_arrangement WHERE customer_id = :id AND status = 'open' ORDER BY id DESC LIMIT 1
                """).param("id", customerId).query(String.class).optional().map(this::get)
                .orElseThrow(() -> new NotFoundException("Open arrangement of", customerNo.value(), "customerId"));
    }

    @Transactional(readOnly = true)
    public List<ArrangementView> ofCustomer(CustomerNo customerNo) {
        long customerId = customers.idOf(customerNo, "id");
        return jdbc.sql("SELECT arrangement_no FROM automation.payment_arrangement WHERE customer_id = :id ORDER BY id DESC")
                .param("id", customerId).query(String.class).list().stream().map(this::get).toList();
    }

    private ArrangementView get(String no) {
        return jdbc.sql("""
                SELECT a.arrangement_no, c.customer_no, a.amount, a.agreed_date, a.due_date, a.cutoff_date, a.method, a.status, a.staff,
                       a.note, a.change_reason
                FROM automation.payment_arrangement a JOIN automation.customer c ON c.id = a.customer_id WHERE a.arrangement_no = :no
                """).param("no", no)
                .query((rs, n) -> new ArrangementView(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getObject(4, LocalDate.class),
                        rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10), rs.getString(11)))
                .single();
    }

    /** Due dates are checked once the day is over (nothing the customer feels happens at that check). */
    java.util.Date dueCheck(LocalDate due) {
        return BusinessTime.startOf(due.plusDays(1));
    }

    /** The cutoff is checked when service may be cut: the cut window of the cutoff date, or the next one. */
    java.util.Date cutoffCheck(LocalDate cutoff) {
        return hours.cutOn(cutoff);
    }
}
