package ca.gigafibre.automation.collections.notice;

import ca.gigafibre.automation.platform.db.FollowUpTransaction;
import ca.gigafibre.automation.notification.MessageUndelivered;
import ca.gigafibre.automation.platform.time.BusinessTime;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A cutoff notice Twilio reports undelivered is no notice: the notice period must not run on it. The suspension waiting
 * out that period ({@code Timer_NoticePeriod}) is made due now, so {@code rules/suspension.drl} decides at once on the fresh
 * facts (an undelivered notice: a person calls before any cut) instead of at the end of the period. If this fails, the
 * rules still see the undelivered notice when the period ends.
 */
@Component
public class UndeliveredCutoffNotice {

    static final String KIND = "cutoff-notice";
    static final String NOTICE_PERIOD = "Timer_NoticePeriod";

    private static final Logger log = LoggerFactory.getLogger(UndeliveredCutoffNotice.class);

    private final JdbcClient jdbc;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final FollowUpTransaction followUp;

    public UndeliveredCutoffNotice(JdbcClient jdbc, RuntimeService runtime, ManagementService management,
                                   FollowUpTransaction followUp) {
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.management = management;
        this.followUp = followUp;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    public void onUndelivered(MessageUndelivered message) {
        if (!KIND.equals(message.kind())) {
            return;
        }
        followUp.run("Cutoff notice " + message.naturalKey() + " undelivered", "the suspension, at the end of its notice period,",
                () -> endNoticePeriod(message));
    }

    private void endNoticePeriod(MessageUndelivered message) {
        String customerNo = jdbc.sql("SELECT customer_no FROM automation.customer WHERE id = :id").param("id", message.customerId())
                .query(String.class).single();
        for (ProcessInstance suspension : runtime.createProcessInstanceQuery().processDefinitionKey("suspension")
                .processInstanceBusinessKey(customerNo).active().unlimitedList()) {   // one suspension per account at a time
            for (Job period : management.createJobQuery().processInstanceId(suspension.getId()).activityId(NOTICE_PERIOD).timers().unlimitedList()) {
                management.setJobDuedate(period.getId(), Date.from(BusinessTime.now().toInstant()));
                log.info("Cutoff notice {} {}: the notice period of {} ends now and the rules decide again", message.naturalKey(),
                        message.status(), customerNo);
            }
        }
    }
}
