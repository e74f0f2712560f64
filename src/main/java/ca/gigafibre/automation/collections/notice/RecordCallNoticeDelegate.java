package ca.gigafibre.automation.collections.notice;

import ca.gigafibre.automation.customer.CustomerNo;
import ca.gigafibre.automation.customer.CustomerRepository;
import ca.gigafibre.automation.platform.audit.AuditLog;
import ca.gigafibre.automation.platform.time.BusinessTime;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code suspension / Task_RecordCallNotice}: a person reached the customer on the phone and gave the cutoff notice
 * ({@code UserTask_CallCustomer}). It is recorded as a delivered notice (channel {@code phone}, no text in the
 * notification ledger), so the notice period starts now. Keyed by the task's completion: a retry records it once.
 */
@Component("recordCallNotice")
public class RecordCallNoticeDelegate implements JavaDelegate {

    private final JdbcClient jdbc;
    private final CustomerRepository customers;
    private final AuditLog audit;

    public RecordCallNoticeDelegate(JdbcClient jdbc, CustomerRepository customers, AuditLog audit) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String customerNo = (String) execution.getVariable("customerId");
        long customerId = customers.idOf(CustomerNo.of(customerNo), "customerId");
        Object caseNo = execution.getVariable("caseId");
        int earlier = jdbc.sql("SELECT count(*) FROM automation.collection_notice WHERE notice_key LIKE :prefix")
                .param("prefix", "call-notice:" + execution.getProcessInstanceId() + ":%").query(Integer.class).single();
        String key = "call-notice:" + execution.getProcessInstanceId() + ":" + (earlier + 1);
        int recorded = jdbc.sql("""
                INSERT INTO automation.collection_notice (customer_id, kind, sent_at, channel, process_instance_id, case_id, notice_key)
                SELECT :customer, 'suspension', :sent, 'phone', :pid, (SELECT id FROM automation.collections_case WHERE case_no = :case), :key
                ON CONFLICT (notice_key) DO NOTHING
                """).param("customer", customerId).param("sent", BusinessTime.now()).param("pid", execution.getProcessInstanceId())
                .param("case", caseNo == null ? null : caseNo.toString()).param("key", key).update();
        if (recorded == 1) {
            audit.record("suspension.notice-by-phone", "customer", customerNo, (String) execution.getVariable("callNote"),
                    Map.of("processInstanceId", execution.getProcessInstanceId(),
                            "calledBy", String.valueOf(execution.getVariable("calledBy"))));
        }
    }
}
