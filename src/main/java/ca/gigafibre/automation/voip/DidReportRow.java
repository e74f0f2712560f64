package ca.gigafibre.automation.voip;

/**
 * One DID of the DID report. {@code syncStatus}: {@code synced} (911 address matches the service address and the
 * provider confirmed it), {@code unverified} (matches, not confirmed), {@code mismatch}, {@code missing}.
 */
public record DidReportRow(String did, String customerId, String customerName, String lineState, String locationId,
                           String serviceAddress, String e911Address, String syncStatus, String differingFields) {
}
