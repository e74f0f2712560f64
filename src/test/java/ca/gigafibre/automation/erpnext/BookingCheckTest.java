package ca.gigafibre.automation.erpnext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With ERPNext on, a booking setting left empty stops the start-up and is named. */
class BookingCheckTest {

    private static Map<String, String> allModes() {
        Map<String, String> modes = new HashMap<>();
        BookingCheck.POSTED_PAYMENT_METHODS.forEach(method -> modes.put(method, "Mode " + method));
        return modes;
    }

    private static Map<String, String> allAccounts() {
        Map<String, String> accounts = new HashMap<>();
        BookingCheck.POSTED_PAYMENT_METHODS.forEach(method -> accounts.put(method, "10" + method.length() + " - Account - TARGO"));
        return accounts;
    }

    @Test
    void aPaymentMethodWithoutItsBankAccountIsNamed() {
        Map<String, String> accounts = allAccounts();
        accounts.remove("cheque");

        assertThat(BookingCheck.missing(new ErpNextSettings.Booking("TARGO Internet", "2310 - TPS", "2320 - TVQ", "1200 - Clients",
                "Standard Selling", allModes(), accounts))).containsExactly("automation.erpnext.booking.payment-accounts.cheque");
    }

    private static ErpNextSettings settings(ErpNextSettings.Booking booking) {
        return new ErpNextSettings(true, null, null, null, 0, null, booking);
    }

    @Test
    void aCompleteBookingPasses() {
        new BookingCheck(settings(new ErpNextSettings.Booking("TARGO Internet", "2310 - TPS", "2320 - TVQ", "1200 - Clients",
                "Standard Selling", allModes(), allAccounts())));
    }

    @Test
    void aMissingAccountAndAMissingModeOfPaymentAreNamed() {
        Map<String, String> modes = allModes();
        modes.remove("cash");
        ErpNextSettings.Booking booking = new ErpNextSettings.Booking("TARGO Internet", "2310 - TPS", " ", "1200 - Clients",
                "Standard Selling", modes, allAccounts());

        assertThat(BookingCheck.missing(booking))
                .containsExactly("automation.erpnext.booking.tvq-account", "automation.erpnext.booking.modes-of-payment.cash");
        assertThatThrownBy(() -> new BookingCheck(settings(booking))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("automation.erpnext.booking.tvq-account")
                .hasMessageContaining("automation.erpnext.booking.modes-of-payment.cash");
    }

    @Test
    void noBookingAtAllNamesEveryKey() {
        assertThat(BookingCheck.missing(new ErpNextSettings.Booking(null, null, null, null, null, null, null)))
                .hasSize(5 + 2 * BookingCheck.POSTED_PAYMENT_METHODS.size())
                .contains("automation.erpnext.booking.company", "automation.erpnext.booking.receivable-account");
    }
}
