package ca.gigafibre.automation.support;

import ca.gigafibre.automation.notification.Bilingual;
import ca.gigafibre.automation.notification.CustomerMessages;
import ca.gigafibre.automation.platform.time.BusinessTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The customer is told a technician's appointment (installation or visit) in their language, once per dispatch job
 * ({@code dispatchJobId}); the process runs this in the notification window.
 */
@Component("notifyAppointment")
public class NotifyAppointment implements JavaDelegate {

    private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.CANADA_FRENCH);
    private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.CANADA);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("H'h'mm");

    private final CustomerMessages messages;
    private final DispatchJobs jobs;

    public NotifyAppointment(CustomerMessages messages, DispatchJobs jobs) {
        this.messages = messages;
        this.jobs = jobs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DispatchJobs.Job job = jobs.get((String) execution.getVariable("dispatchJobId"));
        var start = job.start().atZoneSameInstant(BusinessTime.ZONE);
        var end = job.end().atZoneSameInstant(BusinessTime.ZONE);
        boolean installation = "installation".equals(job.kind());
        String when = FRENCH.format(start) + " entre " + HOUR.format(start) + " et " + HOUR.format(end);
        String whenEn = ENGLISH.format(start) + " between " + HOUR.format(start) + " and " + HOUR.format(end);
        messages.send("appointment:" + job.jobNo(), job.customerId(), installation ? "installation-scheduled" : "visit-scheduled",
                new Bilingual((installation ? "TARGO : votre installation est prévue le " : "TARGO : un technicien passera le ") + when
                        + " (" + execution.getProcessBusinessKey() + ").",
                        (installation ? "TARGO: your installation is scheduled on " : "TARGO: a technician will visit on ") + whenEn
                        + " (" + execution.getProcessBusinessKey() + ")."));
    }
}
