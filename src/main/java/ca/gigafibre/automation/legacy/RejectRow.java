package ca.gigafibre.automation.legacy;

/** A legacy row that was not imported: its table, its legacy id, the field at fault and why. */
public record RejectRow(String table, String legacyId, String field, String reason) {
}
