package ca.gigafibre.automation.billing;

import java.util.List;

/**
 * Invoices or credit notes just written (one, or a billing run's chunk), published in the writing transaction: a listener
 * that records something about them (the ERPNext outbox) commits with them or not at all.
 */
public record InvoicesWritten(List<Long> invoiceIds) {
}
