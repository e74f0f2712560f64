package ca.gigafibre.automation.erpnext.sync;

import static ca.gigafibre.automation.erpnext.sync.ErpFields.required;
import static ca.gigafibre.automation.erpnext.sync.ErpFields.text;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** ERPNext {@code Service Equipment} ({@code EQP-#####}) → {@code equipment}; a serial already on another device is a reject. */
@Component
class ServiceEquipmentSync implements DoctypeSync {

    private final DocumentWriter writer;
    private final Links links;
    private final BusinessNumbers numbers;

    ServiceEquipmentSync(DocumentWriter writer, Links links, BusinessNumbers numbers) {
        this.writer = writer;
        this.links = links;
        this.numbers = numbers;
    }

    @Override
    public String doctype() {
        return "Service Equipment";
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public List<String> fields() {
        return List.of("name", "modified", "custom_engine_id", "customer", "service_location", "equipment_type", "serial_no", "mac_address", "status");
    }

    @Override
    public PageResult apply(List<ObjectNode> page) {
        PageResult result = writer.write(doctype(), page, this::upsert);
        numbers.equipment();
        return result;
    }

    private RowUpsert.Outcome upsert(ObjectNode doc) {
        String customer = text(doc, "customer");
        Long location = links.location("service_location", text(doc, "service_location"));
        return RowUpsert.into("equipment", "equipment_no", ErpFields.engineKey(doc))
                .set("customer_id", customer == null ? null : links.customer("customer", customer))
                .set("location_id", location)
                .set("kind", kind(text(doc, "equipment_type")))
                .set("serial", required(doc, "serial_no"))
                .set("mac", text(doc, "mac_address"))
                .set("status", status(text(doc, "status"), location != null))
                .run(writer.jdbc());
    }

    private static String kind(String type) {
        if (type == null) {
            return "other";
        }
        return switch (type.toLowerCase(Locale.ROOT).replace(' ', '-')) {
            case "ont" -> "ont";
            case "router" -> "router";
            case "ata" -> "ata";
            case "tv-box", "tvbox" -> "tv-box";
            default -> "other";
        };
    }

    private static String status(String status, boolean atALocation) {
        if (status == null) {
            return atALocation ? "installed" : "in-stock";
        }
        return switch (status.toLowerCase(Locale.ROOT).replace(' ', '-')) {
            case "in-stock", "available" -> "in-stock";
            case "assigned", "reserved" -> "assigned";
            case "installed", "active", "in-service" -> "installed";
            case "to-return" -> "to-return";
            case "kept" -> "kept";
            case "returned" -> "returned";
            case "defective", "faulty", "broken" -> "defective";
            default -> throw new Unmappable("status", "unknown equipment status: " + status);
        };
    }
}
