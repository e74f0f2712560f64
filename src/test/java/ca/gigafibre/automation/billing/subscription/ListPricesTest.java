package ca.gigafibre.automation.billing.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which Item Price a subscription priced from the list pays for a term. */
class ListPricesTest {

    private static final LocalDate JUNE = LocalDate.of(2027, 6, 1);
    private static final LocalDate JULY = LocalDate.of(2027, 7, 1);

    private final ListPrices prices = new ListPrices(Map.of(
            "Standard Selling\u0000FIB-300", sorted(new ListPrices.Price(new BigDecimal("74.95"), null, LocalDate.of(2027, 6, 30)),
                    new ListPrices.Price(new BigDecimal("79.95"), JULY, null)),
            "Commercial\u0000FIB-300", sorted(new ListPrices.Price(new BigDecimal("69.95"), LocalDate.of(2027, 1, 1), null))),
            "Standard Selling");

    @Test
    void theDefaultListsPriceValidOnTheTermsFirstDay() {
        BillableSubscription s = subscription(true, null);
        assertThat(prices.unitPrice(s, JUNE)).isEqualByComparingTo("74.95");
        assertThat(prices.unitPrice(s, LocalDate.of(2027, 6, 30))).isEqualByComparingTo("74.95");   // valid_upto is inclusive
        assertThat(prices.unitPrice(s, JULY)).isEqualByComparingTo("79.95");                         // valid_from is inclusive
    }

    @Test
    void theCustomersListWinsWhereItHasAPriceAndTheDefaultListOtherwise() {
        BillableSubscription commercial = subscription(true, "Commercial");
        assertThat(prices.unitPrice(commercial, JUNE)).isEqualByComparingTo("69.95");
        assertThat(prices.unitPrice(commercial, LocalDate.of(2026, 12, 1))).isEqualByComparingTo("74.95");   // before its list's price
    }

    @Test
    void noPriceInAnyListOrOwnRateKeepsTheSubscriptionsPrice() {
        BillableSubscription unknown = new BillableSubscription(1, 1, "TV-BASE", "Télé", 1, new BigDecimal("29.95"), "monthly", JUNE, null,
                null, true, "Commercial");
        assertThat(prices.unitPrice(unknown, JUNE)).isEqualByComparingTo("29.95");
        assertThat(prices.unitPrice(subscription(false, "Commercial"), JULY)).isEqualByComparingTo("50.00");
    }

    @Test
    void aListPricedSubscriptionIsBilledEachMonthAtThatMonthsPrice() {
        BillableSubscription s = subscription(true, null);
        SubscriptionCharges.Due due = SubscriptionCharges.at(s, java.time.YearMonth.of(2027, 7), (from, to) -> BigDecimal.ZERO, prices);
        assertThat(due.lines()).extracting(SubscriptionCharges.Line::amount).extracting(BigDecimal::toPlainString)
                .containsExactly("74.95", "79.95");
        assertThat(due.billedThrough()).isEqualTo(LocalDate.of(2027, 7, 31));
    }

    private static BillableSubscription subscription(boolean fromList, String list) {
        return new BillableSubscription(1, 1, "FIB-300", "Fibre 300", 1, new BigDecimal("50.00"), "monthly", JUNE, null, null, fromList, list);
    }

    private static List<ListPrices.Price> sorted(ListPrices.Price... prices) {
        List<ListPrices.Price> list = new ArrayList<>(List.of(prices));
        list.sort(java.util.Comparator.comparing(ListPrices.Price::from, java.util.Comparator.nullsFirst(java.util.Comparator.<LocalDate>naturalOrder())).reversed());
        return list;
    }
}
