package ca.gigafibre.automation.sales;

import ca.gigafibre.automation.platform.text.Money;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * On the quote's tasks: what the quote holds, as the form shows it (lines, the two subtotals, taxes, total), and the
 * customer's e-mail as the default signer.
 */
@Component("describeQuote")
public class DescribeQuoteListener implements TaskListener {

    private final Quotes quotes;
    private final JdbcClient jdbc;

    public DescribeQuoteListener(Quotes quotes, JdbcClient jdbc) {
        this.quotes = quotes;
        this.jdbc = jdbc;
    }

    @Override
    public void notify(DelegateTask task) {
        QuoteView quote = quotes.get(task.getExecution().getProcessBusinessKey());
        String lines = quote.lines().stream()
                .map(l -> l.sku() + " — " + l.description() + " × " + l.quantity() + " : " + Money.french(l.total()) + " ("
                        + l.frequency() + ")")
                .collect(Collectors.joining("\n"));
        task.setVariable("quoteSummary", lines + "\n\nRécurrent / Recurring : " + Money.french(quote.recurringSubtotal())
                + "\nUnique / One-time : " + Money.french(quote.oneTimeSubtotal())
                + "\nTPS : " + Money.french(quote.tps()) + "   TVQ : " + Money.french(quote.tvq())
                + "\nTotal : " + Money.french(quote.total()));
        task.setVariable("serviceAddress", quote.address() == null ? "" : quote.address());
        if (task.getVariable("signerEmail") == null) {
            task.setVariable("signerEmail", jdbc.sql("SELECT email FROM automation.customer WHERE customer_no = :no")
                    .param("no", quote.customerId()).query(String.class).optional().orElse(null));
        }
    }
}
