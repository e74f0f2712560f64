package ca.gigafibre.automation.support;

import ca.gigafibre.automation.notification.Bilingual;
import ca.gigafibre.automation.notification.CustomerMessages;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@code Task_NotifyResolved}: the customer is told the ticket is resolved, once, in the notification window. */
@Component("notifyTicketResolved")
public class NotifyTicketResolved implements JavaDelegate {

    private final CustomerMessages messages;
    private final JdbcClient jdbc;

    public NotifyTicketResolved(CustomerMessages messages, JdbcClient jdbc) {
        this.messages = messages;
        this.jdbc = jdbc;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String ticketNo = execution.getProcessBusinessKey();
        long customerId = jdbc.sql("SELECT customer_id FROM automation.ticket WHERE ticket_no = :no").param("no", ticketNo)
                .query(Long.class).single();
        messages.send("ticket-resolved:" + ticketNo, customerId, "ticket-resolved", new Bilingual(
                "TARGO : votre demande " + ticketNo + " est réglée. Répondez à ce message si le problème revient.",
                "TARGO: your request " + ticketNo + " is resolved. Reply to this message if the problem comes back."));
    }
}
