package ca.gigafibre.automation.billing.subscription;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * ERPNext's Item Prices (synced into {@code automation.item_price}), read once per billing run. A subscription priced from
 * the list ({@code price_from_list}) pays, for each term, the rate of its customer's list valid on the term's first day,
 * else that of the default list ({@code automation.erpnext.booking.default-price-list}), else its own {@code unit_price};
 * any other subscription pays its own price.
 */
public final class ListPrices implements SubscriptionCharges.Pricing {

    /** One price of an item in a list, for the days {@code from}..{@code upto} (either open when null). */
    record Price(BigDecimal rate, LocalDate from, LocalDate upto) {

        boolean validOn(LocalDate day) {
            return (from == null || !day.isBefore(from)) && (upto == null || !day.isAfter(upto));
        }
    }

    // the most recent valid_from wins when two prices of one list overlap (open start counts as the oldest)
    private static final Comparator<Price> NEWEST_FIRST = Comparator.comparing(Price::from, Comparator.nullsFirst(Comparator.naturalOrder())).reversed();

    private final Map<String, List<Price>> byListAndSku;
    private final String defaultList;

    ListPrices(Map<String, List<Price>> byListAndSku, String defaultList) {
        this.byListAndSku = byListAndSku;
        this.defaultList = defaultList;
    }

    /** Every price of every list, in one query. */
    public static ListPrices load(JdbcClient jdbc, String defaultList) {
        return of(jdbc.sql("SELECT price_list, sku, rate, valid_from, valid_upto FROM automation.item_price"), defaultList);
    }

    /** The prices of a few items (a first invoice's), in every list. */
    public static ListPrices load(JdbcClient jdbc, String defaultList, Collection<String> skus) {
        if (skus.isEmpty()) {
            return new ListPrices(Map.of(), defaultList);
        }
        return of(jdbc.sql("SELECT price_list, sku, rate, valid_from, valid_upto FROM automation.item_price WHERE sku IN (:skus)")
                .param("skus", skus), defaultList);
    }

    private static ListPrices of(JdbcClient.StatementSpec query, String defaultList) {
        Map<String, List<Price>> prices = new HashMap<>();
        query.query(rs -> {
            prices.computeIfAbsent(key(rs.getString(1), rs.getString(2)), k -> new ArrayList<>())
                    .add(new Price(rs.getBigDecimal(3), rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class)));
        });
        prices.values().forEach(list -> list.sort(NEWEST_FIRST));
        return new ListPrices(prices, defaultList);
    }

    @Override
    public BigDecimal unitPrice(BillableSubscription s, LocalDate termFirst) {
        if (!s.priceFromList()) {
            return s.unitPrice();
        }
        return rate(s.priceList(), s.sku(), termFirst).or(() -> rate(defaultList, s.sku(), termFirst)).orElse(s.unitPrice());
    }

    /** The rate of {@code sku} in {@code list} valid on {@code day}, if the list has one. */
    Optional<BigDecimal> rate(String list, String sku, LocalDate day) {
        if (list == null) {
            return Optional.empty();
        }
        return byListAndSku.getOrDefault(key(list, sku), List.of()).stream().filter(p -> p.validOn(day)).map(Price::rate).findFirst();
    }

    private static String key(String list, String sku) {
        return list + '\u0000' + sku;
    }
}
