package ca.gigafibre.automation.billing;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.billing.invoice.QuebecTaxes;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuebecTaxesTest {

    @ParameterizedTest
    @CsvSource({
            "84.90, 4.25, 8.47, 97.62",
            "59.95, 3.00, 5.98, 68.93",
            "0.20, 0.01, 0.02, 0.23",     // rounded once on the subtotal, not per 0.10 line (which would give 0.02 TPS)
            "100.00, 5.00, 9.98, 114.98",
            "0.00, 0.00, 0.00, 0.00"})
    void roundsEachTaxOncePerInvoiceHalfUp(String subtotal, String tps, String tvq, String total) {
        QuebecTaxes taxes = QuebecTaxes.on(new BigDecimal(subtotal));
        assertThat(taxes.tps()).isEqualByComparingTo(tps);
        assertThat(taxes.tvq()).isEqualByComparingTo(tvq);
        assertThat(taxes.total()).isEqualByComparingTo(total);
    }
}
