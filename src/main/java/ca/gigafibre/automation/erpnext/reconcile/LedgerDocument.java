package ca.gigafibre.automation.erpnext.reconcile;

import java.math.BigDecimal;

/** A ledger document as one side holds it: its engine id, ERPNext's name (null on the engine's side), grand total, what is still owed (invoices). */
record LedgerDocument(String engineId, String erpName, BigDecimal grandTotal, BigDecimal outstanding) {
}
