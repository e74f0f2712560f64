package ca.gigafibre.automation.billing.charge;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whose invoice it is, from the invoice row: a payment is booked to the invoice's customer, never to a {@code customerId}
 * process variable (which a person or a forged message could have set).
 */
@Component
public class InvoiceOwner {

    private final JdbcClient jdbc;

    public InvoiceOwner(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The customer number of the invoice {@code invoiceNo}. */
    public String customerNoOf(String invoiceNo) {
        return jdbc.sql("SELECT c.customer_no FROM automation.invoice i JOIN automation.customer c ON c.id = i.customer_id WHERE i.invoice_no = :no")
                .param("no", invoiceNo).query(String.class).single();
    }
}
