package ca.gigafibre.automation.voip;

/** A DID whose 911 address differs from its service address after normalisation, with the fields that differ. */
public record E911AuditRow(String did, String customerId, String locationId, String serviceAddress, String e911Address,
                           String differingFields) {
}
