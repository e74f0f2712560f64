package ca.gigafibre.automation.collections.notice;

import ca.gigafibre.automation.customer.CustomerNo;
import ca.gigafibre.automation.billing.ledger.BalanceService;
import ca.gigafibre.automation.collections.CollectionsSettings;
import ca.gigafibre.automation.customer.CustomerRepository;
import ca.gigafibre.automation.notification.Bilingual;
import ca.gigafibre.automation.notification.CustomerMessages;
import ca.gigafibre.automation.platform.text.Money;
import ca.gigafibre.automation.platform.time.BusinessTime;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code Task_SendSuspensionNotice}: the cutoff notice (avis de coupure), in the customer's language, once per
 * collections case and episode (an episode starts again only when the previous notice went stale), recorded so the
 * rules can count the notice period. The notification ledger and the notice's unique key make a retried job send
 * nothing twice. The notice counts for the rules only once delivered (a text Twilio reports delivered, an e-mail the
 * server took); a customer with no mobile phone and no e-mail ({@code noticeChannel = none}) is called by a person.
 */
@Component("sendSuspensionNotice")
public class SendSuspensionNoticeDelegate implements JavaDelegate {

    private final JdbcClient jdbc;
    private final CustomerRepository customers;
    private final BalanceService balances;
    private final CustomerMessages messages;
    private final CollectionsSettings settings;

    public SendSuspensionNoticeDelegate(JdbcClient jdbc, CustomerRepository customers, BalanceService balances, CustomerMessages messages,
                                        CollectionsSettings settings) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.balances = balances;
        this.messages = messages;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String customerNo = (String) execution.getVariable("customerId");
        long customerId = customers.idOf(CustomerNo.of(customerNo), "customerId");
        Object caseNo = execution.getVariable("caseId");
        String episodeOf = caseNo != null ? caseNo.toString() : execution.getProcessInstanceId();
        int earlier = jdbc.sql("SELECT count(*) FROM automation.collection_notice WHERE notice_key LIKE :prefix")
                .param("prefix", "cutoff-notice:" + episodeOf + ":%").query(Integer.class).single();
        String key = "cutoff-notice:" + episodeOf + ":" + (earlier + 1);
        BigDecimal owed = balances.of(CustomerNo.of(customerNo)).balance();
        String days = String.valueOf(settings.suspensionNoticeDays());
        CustomerMessages.Outcome sent = messages.send(key, customerId, "cutoff-notice", new Bilingual(
                "TARGO : avis de coupure. Sans paiement du solde de " + Money.french(owed) + ", votre service pourra être suspendu dans "
                        + days + " jours.",
                "TARGO: notice of service interruption. Unless the balance of " + Money.english(owed)
                        + " is paid, your service may be suspended in " + days + " days."));
        jdbc.sql("""
                INSERT INTO automation.collection_notice (customer_id, kind, sent_at, channel, process_instance_id, case_id, notice_key)
                SELECT :customer, 'suspension', :sent, :channel, :pid, (SELECT id FROM automation.collections_case WHERE case_no = :case), :key
                ON CONFLICT (notice_key) DO NOTHING
                """).param("customer", customerId).param("sent", BusinessTime.now()).param("channel", sent.channel())
                .param("pid", execution.getProcessInstanceId()).param("case", caseNo == null ? null : caseNo.toString()).param("key", key)
                .update();
        // nobody to send it to: not a notice, a person calls (Gateway_NoticeReached)
        execution.setVariable("noticeChannel", sent.channel());
    }
}
