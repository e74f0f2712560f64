package ca.gigafibre.automation.billing.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.billing.BillingSettings;
import ca.gigafibre.automation.billing.subscription.BillableSubscription;
import ca.gigafibre.automation.billing.subscription.SubscriptionCharges;
import ca.gigafibre.automation.testing.BoundSettings;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The writer's arithmetic: taxes once on the taxable lines, fees outside the tax base, credit notes, the due date. */
class InvoiceTotalsTest {

    private static final LocalDate ISSUE = LocalDate.of(2027, 3, 1);

    @Test
    void taxesAreComputedOnceOnTheTaxableLinesSum() {
        // two 0.10 lines: taxed per line they would give 0.02 TPS; once on 0.20 it is 0.01
        InvoiceTotals totals = InvoiceTotals.of(List.of(line("0.10"), line("0.10")));
        assertThat(totals.subtotal()).isEqualByComparingTo("0.20");
        assertThat(totals.tps()).isEqualByComparingTo("0.01");
        assertThat(totals.tvq()).isEqualByComparingTo("0.02");
        assertThat(totals.total()).isEqualByComparingTo("0.23");
        assertThat(totals.status()).isEqualTo("open");
    }

    @Test
    void aFeeOutsideTheTaxBaseAddsToTheSubtotalWithoutTaxes() {
        InvoiceTotals fee = InvoiceTotals.of(List.of(InvoiceLine.untaxed("FEE-RETURNED", "Frais / Fee", new BigDecimal("25.00"))));
        assertThat(fee.subtotal()).isEqualByComparingTo("25.00");
        assertThat(fee.tps()).isZero();
        assertThat(fee.tvq()).isZero();
        assertThat(fee.total()).isEqualByComparingTo("25.00");

        InvoiceTotals mixed = InvoiceTotals.of(List.of(line("100.00"), InvoiceLine.untaxed("FEE-RETURNED", "Frais / Fee", new BigDecimal("25.00"))));
        assertThat(mixed.subtotal()).isEqualByComparingTo("125.00");
        assertThat(mixed.tps()).isEqualByComparingTo("5.00");
        assertThat(mixed.tvq()).isEqualByComparingTo("9.98");
        assertThat(mixed.total()).isEqualByComparingTo("139.98");
    }

    @Test
    void quantityTimesPriceIsRoundedPerLineAndAStatedProRataAmountIsKept() {
        assertThat(InvoiceLine.of("TECH-HR", "Main-d'œuvre / Labour", new BigDecimal("1.50"), new BigDecimal("85.33")).amount())
                .isEqualByComparingTo("128.00");   // 127.995 half up
        BillableSubscription plan = new BillableSubscription(7, 1, "INT-500", "Internet 500", 1, new BigDecimal("84.90"), "monthly",
                LocalDate.of(2027, 3, 10), null);
        SubscriptionCharges.Line proRata = new SubscriptionCharges.Line(LocalDate.of(2027, 3, 10), LocalDate.of(2027, 3, 31), BigDecimal.ONE,
                new BigDecimal("84.90"), new BigDecimal("60.25"), "du 2027-03-10 au 2027-03-31");
        InvoiceLine line = InvoiceLine.forSubscription(plan, proRata);
        assertThat(line.amount()).isEqualByComparingTo("60.25");
        assertThat(line.subscriptionId()).isEqualTo(7L);
        assertThat(line.frequency()).isEqualTo("monthly");
        assertThat(line.periodStart()).isEqualTo(LocalDate.of(2027, 3, 10));
        assertThat(line.description()).isEqualTo("Internet 500 — du 2027-03-10 au 2027-03-31");
    }

    @Test
    void creditsAboveTheChargesMakeANegativeInvoiceWithNothingToCollect() {
        InvoiceTotals totals = InvoiceTotals.of(List.of(line("29.95"), line("-50.00")));
        assertThat(totals.total()).isNegative();
        assertThat(totals.status()).isEqualTo("paid");
        assertThat(InvoiceTotals.of(List.of()).status()).isEqualTo("paid");
    }

    @Test
    void aCreditNoteCancelsExactlyWhatIsOpenWithTheInvoicesTaxesInProportion() {
        // unpaid invoice of 100.00 + 5.00 + 9.98: all of it, its own taxes
        InvoiceTotals whole = InvoiceTotals.creditFor(new BigDecimal("114.98"), new BigDecimal("5.00"), new BigDecimal("9.98"),
                new BigDecimal("114.98"));
        assertThat(whole.subtotal()).isEqualByComparingTo("-100.00");
        assertThat(whole.tps()).isEqualByComparingTo("-5.00");
        assertThat(whole.tvq()).isEqualByComparingTo("-9.98");
        assertThat(whole.status()).isEqualTo("paid");

        // 64.98 paid: 50.00 open, taxes in proportion, and the total is exactly the open part
        InvoiceTotals part = InvoiceTotals.creditFor(new BigDecimal("50.00"), new BigDecimal("5.00"), new BigDecimal("9.98"),
                new BigDecimal("114.98"));
        assertThat(part.tps()).isEqualByComparingTo("-2.17");
        assertThat(part.tvq()).isEqualByComparingTo("-4.34");
        assertThat(part.subtotal()).isEqualByComparingTo("-43.49");
        assertThat(part.total()).isEqualByComparingTo("-50.00");
    }

    @Test
    void theDueDateIsTheStatedOneElseTheUsualTermsAfterIssue() {
        InvoiceWriter writer = new InvoiceWriter(null, null, null, null, null, null,
                BoundSettings.bind("automation.billing", BillingSettings.class, Map.of("automation.billing.due-days", "21")));
        InvoiceDraft draft = InvoiceDraft.of(1, ISSUE, List.of(line("10.00")));
        assertThat(writer.dueDateOf(draft)).isEqualTo(LocalDate.of(2027, 3, 22));
        assertThat(writer.dueDateOf(draft.dueOn(LocalDate.of(2027, 3, 5)))).isEqualTo(LocalDate.of(2027, 3, 5));
    }

    private static InvoiceLine line(String amount) {
        return InvoiceLine.of("SKU", "Ligne / Line", BigDecimal.ONE, new BigDecimal(amount));
    }
}
