package ca.gigafibre.automation.sales;

import ca.gigafibre.automation.customer.CustomerNo;
import ca.gigafibre.automation.customer.CustomerRepository;
import ca.gigafibre.automation.customer.LocationCreated;
import ca.gigafibre.automation.customer.NewLocation;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ConfirmLocation}: the signed quote's service location — the existing one, or created from the quote's
 * address — and what the activation needs to know of the quote: an internet service to provision, how many phone lines.
 */
@Component("confirmQuoteLocation")
public class ConfirmQuoteLocation implements JavaDelegate {

    private final JdbcClient jdbc;
    private final Quotes quotes;
    private final CustomerRepository customers;
    private final ApplicationEventPublisher events;

    public ConfirmQuoteLocation(JdbcClient jdbc, Quotes quotes, CustomerRepository customers, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.quotes = quotes;
        this.customers = customers;
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String quoteNo = execution.getProcessBusinessKey();
        long quoteId = quotes.idOf(quoteNo);
        QuoteView quote = quotes.get(quoteId);
        String locationNo = quote.locationId();
        if (locationNo == null) {
            NewLocation address = quotes.proposedAddress(quoteId);
            locationNo = customers.insertLocation(customers.idOf(CustomerNo.of(quote.customerId()), "customerId"), address);
            events.publishEvent(new LocationCreated(locationNo));
            jdbc.sql("UPDATE automation.quote SET location_id = (SELECT id FROM automation.service_location WHERE location_no = :loc) WHERE id = :id")
                    .param("loc", locationNo).param("id", quoteId).update();
        }
        jdbc.sql("UPDATE automation.quote SET status = 'activating' WHERE id = :id AND status IN ('signed', 'accepted', 'draft', 'sent')")
                .param("id", quoteId).update();
        execution.setVariable("locationId", locationNo);
        execution.setVariable("hasInternetService", jdbc.sql("""
                SELECT exists(SELECT 1 FROM automation.quote_line l JOIN automation.plan p ON p.sku = l.sku
                              WHERE l.quote_id = :id AND p.download_mbps IS NOT NULL)
                """).param("id", quoteId).query(Boolean.class).single());
        execution.setVariable("phoneLinesOrdered", jdbc.sql("""
                SELECT coalesce(sum(l.quantity), 0)::int FROM automation.quote_line l JOIN automation.plan p ON p.sku = l.sku
                WHERE l.quote_id = :id AND p.phone_line
                """).param("id", quoteId).query(Integer.class).single());
        jdbc.sql("SELECT olt_id, olt_port FROM automation.service_location WHERE location_no = :no").param("no", locationNo)
                .query(rs -> {
                    if (execution.getVariable("oltId") == null) {
                        execution.setVariable("oltId", rs.getString(1));
                        execution.setVariable("oltPort", rs.getString(2));
                    }
                });
    }
}
