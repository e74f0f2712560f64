package ca.gigafibre.automation.billing.ledger;

import ca.gigafibre.automation.customer.Customer360Part;
import ca.gigafibre.automation.customer.Customer360Settings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Customer 360's "invoices" and "payments": the first page of each list (the latest {@code automation.customer360.recent-items})
 * with the total count; the rest through {@code GET /api/customers/{id}/invoices} and {@code /payments}.
 */
@Configuration
class LedgerParts {

    @Bean
    Customer360Part invoicesPart(CustomerLedger ledger, Customer360Settings customer360) {
        return part("invoices", customerId -> ledger.invoices(customerId, 0, customer360.recentItems()));
    }

    @Bean
    Customer360Part paymentsPart(CustomerLedger ledger, Customer360Settings customer360) {
        return part("payments", customerId -> ledger.payments(customerId, 0, customer360.recentItems()));
    }

    private static Customer360Part part(String key, java.util.function.LongFunction<Object> describe) {
        return new Customer360Part() {
            @Override
            public String key() {
                return key;
            }

            @Override
            public Object describe(long customerId) {
                return describe.apply(customerId);
            }
        };
    }
}
