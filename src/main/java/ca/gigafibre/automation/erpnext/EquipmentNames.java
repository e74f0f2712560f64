package ca.gigafibre.automation.erpnext;

import java.util.Map;

/**
 * How ERPNext's {@code Service Equipment} names the engine's device kinds and statuses (what the outbox posts and the
 * demo's ERPNext holds); {@code erpnext.sync.ServiceEquipmentSync} reads each of them back as the same kind and status.
 */
public final class EquipmentNames {

    private static final Map<String, String> TYPES = Map.of("ont", "ONT", "router", "Router", "ata", "ATA", "tv-box", "TV box",
            "other", "Other");
    private static final Map<String, String> STATUSES = Map.of("in-stock", "In Stock", "assigned", "Assigned", "installed", "Installed",
            "to-return", "To Return", "kept", "Kept", "returned", "Returned", "defective", "Defective");

    private EquipmentNames() {
    }

    public static String type(String kind) {
        return TYPES.getOrDefault(kind, "Other");
    }

    public static String status(String status) {
        return STATUSES.get(status);
    }
}
