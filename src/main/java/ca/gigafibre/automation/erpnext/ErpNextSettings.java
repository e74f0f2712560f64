package ca.gigafibre.automation.erpnext;

import ca.gigafibre.automation.billing.DefaultPriceList;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code automation.erpnext.*}: whether the engine works with ERPNext, how often it syncs and relays, the first month it
 * bills ({@code cutover-period}), how far back and when the nightly reconciliation compares ({@code drift-days},
 * {@code reconciliation-cron}: Quartz, default {@code 0 30 3 * * ?}), and how its ledger documents are booked there
 * (company, tax and receivable accounts, price list, mode of payment and bank or cash account per payment method). The
 * credentials are the adapter's ({@code automation.adapters.erpnext.api-key}/{@code api-secret}).
 */
@ConfigurationProperties("automation.erpnext")
public record ErpNextSettings(boolean enabled, Duration syncInterval, Duration outboxInterval, YearMonth cutoverPeriod,
                              int driftDays, String reconciliationCron, Booking booking) implements DefaultPriceList {

    /**
     * Where ERPNext books what the engine posts. {@code paymentAccounts}: the bank or cash account money of each payment
     * method lands in (a Payment Entry's {@code paid_to}, or {@code paid_from} when money goes back to the customer).
     */
    public record Booking(String company, String tpsAccount, String tvqAccount, String receivableAccount, String defaultPriceList,
                          Map<String, String> modesOfPayment, Map<String, String> paymentAccounts) {

        public Booking {
            modesOfPayment = modesOfPayment == null ? Map.of() : modesOfPayment;
            paymentAccounts = paymentAccounts == null ? Map.of() : paymentAccounts;
        }
    }

    public ErpNextSettings {
        syncInterval = syncInterval == null ? Duration.ofMinutes(15) : syncInterval;
        outboxInterval = outboxInterval == null ? Duration.ofSeconds(30) : outboxInterval;
        driftDays = driftDays <= 0 ? 3 : driftDays;
        reconciliationCron = reconciliationCron == null || reconciliationCron.isBlank() ? "0 30 3 * * ?" : reconciliationCron;
        booking = booking == null ? new Booking(null, null, null, null, "Standard Selling", Map.of(), Map.of()) : booking;
    }

    /** The list a subscription without its own rate is priced from when its customer has none. */
    @Override
    public String defaultPriceList() {
        return booking.defaultPriceList() == null || booking.defaultPriceList().isBlank() ? "Standard Selling" : booking.defaultPriceList();
    }
}
