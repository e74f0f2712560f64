package ca.gigafibre.automation.sales;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@code Task_CancelQuote}: the reviewer withdrew the quote; it can no longer be signed. */
@Component("cancelQuote")
public class QuoteCancellation implements JavaDelegate {

    private final JdbcClient jdbc;

    public QuoteCancellation(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void execute(DelegateExecution execution) {
        jdbc.sql("UPDATE automation.quote SET status = 'cancelled' WHERE quote_no = :no AND status IN ('draft', 'sent')")
                .param("no", execution.getProcessBusinessKey()).update();
    }
}
