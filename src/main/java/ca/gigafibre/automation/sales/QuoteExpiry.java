package ca.gigafibre.automation.sales;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ExpireQuote}: an unsigned quote past its validity is closed. A signature recorded in the same instant wins
 * (the row is locked, then read): the process goes on to activation instead.
 */
@Component("expireQuote")
public class QuoteExpiry implements JavaDelegate {

    private final JdbcClient jdbc;

    public QuoteExpiry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String quoteNo = execution.getProcessBusinessKey();
        String status = jdbc.sql("SELECT status FROM automation.quote WHERE quote_no = :no FOR UPDATE").param("no", quoteNo)
                .query(String.class).single();
        boolean open = java.util.List.of("draft", "sent").contains(status);
        if (open) {
            jdbc.sql("UPDATE automation.quote SET status = 'expired' WHERE quote_no = :no").param("no", quoteNo).update();
        }
        execution.setVariable("signedMeanwhile", !open);
    }
}
