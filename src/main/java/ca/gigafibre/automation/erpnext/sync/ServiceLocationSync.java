package ca.gigafibre.automation.erpnext.sync;

import static ca.gigafibre.automation.erpnext.sync.ErpFields.decimal;
import static ca.gigafibre.automation.erpnext.sync.ErpFields.required;
import static ca.gigafibre.automation.erpnext.sync.ErpFields.text;

import ca.gigafibre.automation.legacy.LegacyValueRejected;
import ca.gigafibre.automation.legacy.PostalCodeNormalizer;
import ca.gigafibre.automation.legacy.ProvinceNormalizer;
import ca.gigafibre.automation.legacy.Repairs;
import ca.gigafibre.automation.legacy.StreetLine;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** ERPNext {@code Service Location} ({@code LOC-#####}) → {@code service_location}, its customer synced first. */
@Component
class ServiceLocationSync implements DoctypeSync {

    /** The apartment the engine itself writes after the street ({@code 12 Rue X, app. 4}) when it has no line of its own. */
    private static final Pattern APARTMENT = Pattern.compile("^(.+?),\\s*(?:app|apt)\\b\\.?\\s*(\\S.*)$", Pattern.CASE_INSENSITIVE);

    private final DocumentWriter writer;
    private final Links links;
    private final BusinessNumbers numbers;

    ServiceLocationSync(DocumentWriter writer, Links links, BusinessNumbers numbers) {
        this.writer = writer;
        this.links = links;
        this.numbers = numbers;
    }

    @Override
    public String doctype() {
        return "Service Location";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public List<String> fields() {
        return List.of("name", "modified", "custom_engine_id", "customer", "address_line1", "address_line2", "city", "state", "pincode", "latitude",
                "longitude", "olt_name", "olt_port", "connection_type", "status");
    }

    @Override
    public PageResult apply(List<ObjectNode> page) {
        PageResult result = writer.write(doctype(), page, this::upsert);
        numbers.locations();
        return result;
    }

    private RowUpsert.Outcome upsert(ObjectNode doc) {
        long customer = links.customer("customer", text(doc, "customer"));
        String line = required(doc, "address_line1");
        String apt = text(doc, "address_line2");
        Matcher apartment = APARTMENT.matcher(line);
        if (apt == null && apartment.matches()) {
            line = apartment.group(1).strip();
            apt = apartment.group(2).strip();
        }
        StreetLine street = StreetLine.parse(line);
        String connection = text(doc, "connection_type");
        try {
            return RowUpsert.into("service_location", "location_no", ErpFields.engineKey(doc))
                    .set("customer_id", customer)
                    .set("street_number", street == null ? "" : street.number())
                    .set("street_name", street == null ? line : street.street())
                    .set("apt", apt)
                    .set("city", required(doc, "city"))
                    .set("province", ProvinceNormalizer.normalise("state", text(doc, "state"), new Repairs()))
                    .set("postal_code", PostalCodeNormalizer.normalise("pincode", text(doc, "pincode"), new Repairs()))
                    .set("latitude", decimal(doc, "latitude"))
                    .set("longitude", decimal(doc, "longitude"))
                    .set("olt_id", text(doc, "olt_name"))
                    .set("olt_port", text(doc, "olt_port"))
                    .set("connection_type", connection == null ? "fibre" : connection.toLowerCase(Locale.ROOT))
                    .run(writer.jdbc());
        } catch (LegacyValueRejected e) {
            throw new Unmappable(e.field(), e.getMessage());
        }
    }
}
