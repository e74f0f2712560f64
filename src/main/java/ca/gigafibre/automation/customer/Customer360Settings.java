package ca.gigafibre.automation.customer;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code automation.customer360.*}: how many of the latest tickets, work orders, invoices, payments and notes Customer 360
 * shows (the rest: the paged lists), for every package that adds a part to Customer 360 (customer, billing, support). Zero
 * would show nothing and a negative count fails every part's query ({@code LIMIT -1}): start-up stops naming the key.
 */
@Validated
@ConfigurationProperties("automation.customer360")
public record Customer360Settings(@DefaultValue("10") @Positive int recentItems) {
}
