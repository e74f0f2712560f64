package ca.gigafibre.automation.provisioning;

import java.util.List;

/**
 * Devices the engine registered, assigned, installed, or took back (to return, returned, kept), published in the changing
 * transaction so whoever mirrors equipment (the ERPNext outbox) records it with the change.
 */
public record EquipmentChanged(List<Long> equipmentIds) {
}
