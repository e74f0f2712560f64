package ca.gigafibre.automation.erpnext.reconcile;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One difference the nightly reconciliation found between an engine document and ERPNext's: {@code kind} is
 * {@code missing-in-erpnext}, {@code missing-in-engine}, {@code grand-total} or {@code outstanding} (an invoice's amount
 * still owed); the amounts are each side's (null where the document is missing).
 */
public record ErpDrift(long runId, LocalDate since, LocalDate until, String doctype, String engineId, String erpName, String kind,
                       BigDecimal engineAmount, BigDecimal erpAmount) {
}
