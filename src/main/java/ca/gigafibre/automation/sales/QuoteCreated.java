package ca.gigafibre.automation.sales;

/** A quote just written with its lines, published in the writing transaction. */
public record QuoteCreated(long quoteId) {
}
