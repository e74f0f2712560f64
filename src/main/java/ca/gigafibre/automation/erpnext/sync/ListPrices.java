package ca.gigafibre.automation.erpnext.sync;

import ca.gigafibre.automation.erpnext.ErpNextSettings;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Prices of the synced Item Price lists: the price of an item on a list valid on a day (the latest {@code valid_from}
 * wins when several overlap); a subscription without its own rate takes its customer's list, else the default list.
 */
@Component
class ListPrices {

    /** SQL: the rate of {@code sku} on {@code list} valid on {@code day} (named parameters :sku, :list, :day). */
    static final String RATE_ON = """
            (SELECT p.rate FROM automation.item_price p WHERE p.sku = %s AND p.price_list = %s
               AND (p.valid_from IS NULL OR p.valid_from <= %s) AND (p.valid_upto IS NULL OR p.valid_upto >= %s)
             ORDER BY p.valid_from DESC NULLS LAST, p.id DESC LIMIT 1)""";

    private final JdbcClient jdbc;
    private final ErpNextSettings settings;

    ListPrices(JdbcClient jdbc, ErpNextSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    String defaultList() {
        return settings.defaultPriceList();
    }

    Optional<BigDecimal> on(String sku, String list, LocalDate day) {
        return jdbc.sql("SELECT " + RATE_ON.formatted(":sku", ":list", ":day", ":day")).param("sku", sku).param("list", list)
                .param("day", day).query(BigDecimal.class).optional().filter(java.util.Objects::nonNull);
    }

    /** The customer's list when it has a price for the item, else the default list's. */
    Optional<BigDecimal> forCustomer(String sku, String customerList, LocalDate day) {
        Optional<BigDecimal> own = customerList == null ? Optional.empty() : on(sku, customerList, day);
        return own.isPresent() ? own : on(sku, defaultList(), day);
    }

    /**
     * After prices changed: each plan's price is its current default-list price, and subscriptions priced from the lists
     * take today's price of their customer's list (else the default list's).
     */
    void refresh(Collection<String> skus, LocalDate today) {
        if (skus.isEmpty()) {
            return;
        }
        String planPrice = RATE_ON.formatted("pl.sku", ":list", ":today", ":today");
        jdbc.sql("UPDATE automation.plan pl SET price = " + planPrice + " WHERE pl.sku IN (:skus) AND " + planPrice
                        + " IS NOT NULL AND pl.price IS DISTINCT FROM " + planPrice)
                .param("list", defaultList()).param("today", today).param("skus", skus).update();
        String own = RATE_ON.formatted("pl.sku", "c.default_price_list", ":today", ":today");
        String fallback = RATE_ON.formatted("pl.sku", ":list", ":today", ":today");
        jdbc.sql("""
                UPDATE automation.subscription s SET unit_price = coalesce(%1$s, %2$s)
                FROM automation.plan pl, automation.customer c
                WHERE pl.id = s.plan_id AND c.id = s.customer_id AND s.price_from_list AND pl.sku IN (:skus)
                  AND coalesce(%1$s, %2$s) IS NOT NULL AND s.unit_price IS DISTINCT FROM coalesce(%1$s, %2$s)
                """.formatted(own, fallback)).param("list", defaultList()).param("today", today).param("skus", skus).update();
    }
}
