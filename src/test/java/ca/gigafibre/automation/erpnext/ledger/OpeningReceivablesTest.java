package ca.gigafibre.automation.erpnext.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.billing.invoice.InvoiceLine;
import ca.gigafibre.automation.billing.invoice.InvoiceWriter.Receivable;
import ca.gigafibre.automation.erpnext.ErpNextSettings;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How an ERPNext Sales Invoice's outstanding amount is split into the receivable's subtotal, taxes and lines. */
class OpeningReceivablesTest {

    private final OpeningReceivables receivables = new OpeningReceivables(new ErpNextSettings(true, null, null, null, 0, null,
            new ErpNextSettings.Booking("TARGO", "2310 - TPS", "2320 - TVQ", null, null, Map.of(), Map.of())));

    @Test
    void wholeInvoiceOutstandingKeepsItsTaxesAndItsLines() throws Exception {
        Receivable r = receivables.of(invoice("""
                {"name":"SINV-1","grand_total":100.00,"net_total":86.97,"items":[{"item_code":"FIBRE-500","qty":1,"rate":86.97,"amount":86.97,
                 "custom_billing_frequency":"Monthly","description":"Fibre 500"}],
                 "taxes":[{"account_head":"2320 - TVQ","rate":9.975,"tax_amount":8.68},{"account_head":"2310 - TPS","rate":5,"tax_amount":4.35}]}
                """), 7L, new BigDecimal("100.00"), LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 22));

        assertThat(r.totals().tps()).isEqualByComparingTo("4.35");
        assertThat(r.totals().tvq()).isEqualByComparingTo("8.68");
        assertThat(r.totals().subtotal()).isEqualByComparingTo("86.97");
        assertThat(r.lines()).hasSize(1);
        assertThat(r.lines().get(0).frequency()).isEqualTo("monthly");
        assertThat(r.erpName()).isEqualTo("SINV-1");
    }

    @Test
    void partlySettledInvoiceOwesItsShareOfTheTaxesAndSaysWhatWasSettled() throws Exception {
        Receivable r = receivables.of(invoice("""
                {"name":"SINV-2","grand_total":100.00,"items":[{"item_code":"FIBRE-500","qty":1,"rate":86.97,"amount":86.97}],
                 "taxes":[{"account_head":"2310 - TPS","rate":5,"tax_amount":4.35},{"account_head":"2320 - TVQ","rate":9.975,"tax_amount":8.68}]}
                """), 7L, new BigDecimal("80.00"), LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 22));

        assertThat(r.totals().tps()).isEqualByComparingTo("3.48");
        assertThat(r.totals().tvq()).isEqualByComparingTo("6.94");
        assertThat(r.totals().total()).isEqualByComparingTo("80.00");
        assertThat(r.lines().stream().map(InvoiceLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(r.totals().subtotal());
        assertThat(r.lines().get(1).description()).isEqualTo(OpeningReceivables.ALREADY_SETTLED);
        assertThat(r.lines().get(1).amount()).isEqualByComparingTo("-17.39");
    }

    @Test
    void withoutTaxRowsTheTaxTotalIsSplitTheQuebecWay() throws Exception {
        Receivable r = receivables.of(invoice("""
                {"name":"SINV-3","grand_total":114.98,"total_taxes_and_charges":14.98,"items":[{"item_code":"X","qty":1,"rate":100,"amount":100}]}
                """), 7L, new BigDecimal("114.98"), LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 22));

        assertThat(r.totals().tps()).isEqualByComparingTo("5.00");
        assertThat(r.totals().tvq()).isEqualByComparingTo("9.98");
        assertThat(r.totals().subtotal()).isEqualByComparingTo("100.00");
        assertThat(r.lines()).hasSize(1);
    }

    private static ObjectNode invoice(String json) throws Exception {
        return (ObjectNode) new ObjectMapper().readTree(json);
    }
}
