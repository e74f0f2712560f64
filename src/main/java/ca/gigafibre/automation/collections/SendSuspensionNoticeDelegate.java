package ca.gigafibre.automation.collections;

import ca.gigafibre.automation.adapter.notify.SmsNotifier;
import ca.gigafibre.automation.billing.BalanceService;
import ca.gigafibre.automation.customer.CustomerRepository;
import ca.gigafibre.automation.customer.CustomerRow;
import ca.gigafibre.automation.platform.text.Money;
import ca.gigafibre.automation.platform.time.BusinessTime;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code Task_SendSuspensionNotice}: the cutoff notice (avis de coupure), in the customer's language, recorded so the
 * rules can count the notice period. A retried job finds the notice of this process instance and sends nothing twice.
 */
@Component("sendSuspensionNotice")
public class SendSuspensionNoticeDelegate implements JavaDelegate {

    private final JdbcClient jdbc;
    private final CustomerRepository customers;
    private final BalanceService balances;
    private final SmsNotifier sms;
    private final CollectionsSettings settings;

    public SendSuspensionNoticeDelegate(JdbcClient jdbc, CustomerRepository customers, BalanceService balances, SmsNotifier sms,
                                        CollectionsSettings settings) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.balances = balances;
        this.sms = sms;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String customerNo = (String) execution.getVariable("customerId");
        long customerId = customers.idOf(customerNo, "customerId");
        int already = jdbc.sql("SELECT count(*) FROM automation.collection_notice WHERE process_instance_id = :pid")
                .param("pid", execution.getProcessInstanceId()).query(Integer.class).single();
        if (already > 0) {
            return;
        }
        CustomerRow customer = customers.find(customerId).orElseThrow();
        BigDecimal owed = balances.of(customerNo).balance();
        String phone = customer.textablePhone();
        String channel = "none";
        if (phone != null) {
            String days = settings.getNoticePeriod().replace("P", "").replace("D", "");
            sms.send(phone, "en".equals(customer.language())
                    ? "TARGO: notice of service interruption. Unless the balance of " + Money.english(owed)
                            + " is paid, your service may be suspended in " + days + " days."
                    : "TARGO : avis de coupure. Sans paiement du solde de " + Money.french(owed)
                            + ", votre service pourra être suspendu dans " + days + " jours.");
            channel = "sms";
        }
        jdbc.sql("""
                INSERT INTO automation.collection_notice (customer_id, kind, sent_at, channel, process_instance_id)
                VALUES (:customer, 'suspension', :sent, :channel, :pid)
                """).param("customer", customerId).param("sent", BusinessTime.now()).param("channel", channel)
                .param("pid", execution.getProcessInstanceId()).update();
    }
}
