package ca.gigafibre.automation.sales;

import ca.gigafibre.automation.notification.Bilingual;
import ca.gigafibre.automation.notification.CustomerMessages;
import ca.gigafibre.automation.support.DispatchJobs;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@code Task_NotifyInstallation}: the customer is told the appointment, in their language, once per dispatch job. */
@Component("notifyInstallationDate")
public class NotifyInstallationDate implements JavaDelegate {

    private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.CANADA_FRENCH);
    private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.CANADA);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("H'h'mm");

    private final CustomerMessages messages;
    private final DispatchJobs jobs;
    private final JdbcClient jdbc;

    public NotifyInstallationDate(CustomerMessages messages, DispatchJobs jobs, JdbcClient jdbc) {
        this.messages = messages;
        this.jobs = jobs;
        this.jdbc = jdbc;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DispatchJobs.Job job = jobs.get((String) execution.getVariable("dispatchJobId"));
        long customerId = jdbc.sql("SELECT id FROM automation.customer WHERE customer_no = :no")
                .param("no", execution.getVariable("customerId")).query(Long.class).single();
        var start = job.start().atZoneSameInstant(ca.gigafibre.automation.platform.time.BusinessTime.ZONE);
        var end = job.end().atZoneSameInstant(ca.gigafibre.automation.platform.time.BusinessTime.ZONE);
        messages.send("installation-scheduled:" + job.jobNo(), customerId, "installation-scheduled", new Bilingual(
                "TARGO : votre installation est prévue le " + FRENCH.format(start) + " entre " + HOUR.format(start) + " et "
                        + HOUR.format(end) + " (" + execution.getProcessBusinessKey() + ").",
                "TARGO: your installation is scheduled on " + ENGLISH.format(start) + " between " + HOUR.format(start) + " and "
                        + HOUR.format(end) + " (" + execution.getProcessBusinessKey() + ")."));
    }
}
