package ca.gigafibre.automation.erpnext.sync;

import static ca.gigafibre.automation.erpnext.sync.ErpFields.required;
import static ca.gigafibre.automation.erpnext.sync.ErpFields.text;

import ca.gigafibre.automation.adapter.erpnext.ErpNextClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * ERPNext {@code Dispatch Technician} ({@code DT-#####}) → {@code technician}; its skills are the child table {@code tags}
 * ({@code tag}, {@code level} 1–5), which lists do not carry, so each technician is read whole.
 */
@Component
class DispatchTechnicianSync implements DoctypeSync {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DocumentWriter writer;
    private final ErpNextClient erpNext;

    DispatchTechnicianSync(DocumentWriter writer, ErpNextClient erpNext) {
        this.writer = writer;
        this.erpNext = erpNext;
    }

    @Override
    public String doctype() {
        return "Dispatch Technician";
    }

    @Override
    public int order() {
        return 70;
    }

    @Override
    public List<String> fields() {
        return List.of("name", "modified", "technician_name", "status", "phone");
    }

    @Override
    public PageResult apply(List<ObjectNode> page) {
        return writer.write(doctype(), page, this::upsert);
    }

    private RowUpsert.Outcome upsert(ObjectNode listed) {
        String name = required(listed, "name");
        ObjectNode doc = erpNext.get(doctype(), name).orElseThrow(() -> new Unmappable("name", "deleted in ERPNext while read"));
        String status = text(doc, "status");
        return RowUpsert.into("technician", "technician_no", name)
                .set("name", required(doc, "technician_name"))
                .set("phone", text(doc, "phone"))
                .set("active", status == null || status.toLowerCase(Locale.ROOT).equals("active"))
                .set("skills", skills(doc), "CAST(? AS jsonb)")
                .run(writer.jdbc());
    }

    private static String skills(ObjectNode doc) {
        Map<String, Integer> skills = new TreeMap<>();
        int row = 0;
        for (JsonNode tag : doc.path("tags")) {
            String skill = tag.path("tag").asText("").strip();
            int level = tag.path("level").asInt(0);
            if (skill.isEmpty()) {
                throw new Unmappable("tags[" + row + "].tag", "missing");
            }
            if (level < 1 || level > 5) {
                throw new Unmappable("tags[" + row + "].level", "must be 1 to 5: " + tag.path("level").asText());
            }
            skills.put(skill, level);
            row++;
        }
        return JSON.valueToTree(skills).toString();
    }
}
