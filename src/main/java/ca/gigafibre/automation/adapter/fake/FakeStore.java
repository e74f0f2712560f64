package ca.gigafibre.automation.adapter.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The memory of one fake system: JSON documents by natural key (ONT serial, DID), so a fake answers
 * PUT/PATCH/GET/DELETE the way the contract says (201 then 200 on PUT, 404 for unknown keys).
 * Fields named in {@code writeOnly} (passwords, PINs) are kept but never shown back.
 */
class FakeStore {

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, ObjectNode> documents = new ConcurrentSkipListMap<>();
    private final String keyField;
    private final Set<String> writeOnly;

    FakeStore(String keyField, Set<String> writeOnly) {
        this.keyField = keyField;
        this.writeOnly = writeOnly;
    }

    ObjectNode parse(String body) {
        try {
            JsonNode node = json.readTree(body == null || body.isBlank() ? "{}" : body);
            return node instanceof ObjectNode object ? object : json.createObjectNode();
        } catch (Exception e) {
            return null;
        }
    }

    ObjectNode get(String key) {
        return documents.get(key);
    }

    /** @return true when the key was new */
    boolean put(String key, ObjectNode body) {
        body.put(keyField, key);
        return documents.put(key, body) == null;
    }

    ObjectNode merge(String key, ObjectNode changes) {
        ObjectNode current = documents.get(key);
        if (current != null) {
            current.setAll(changes);
        }
        return current;
    }

    boolean remove(String key) {
        return documents.remove(key) != null;
    }

    List<ObjectNode> all() {
        return new ArrayList<>(documents.values());
    }

    void clear() {
        documents.clear();
    }

    String shown(ObjectNode document) {
        ObjectNode copy = document.deepCopy();
        copy.remove(writeOnly);
        return copy.toString();
    }

    ObjectMapper mapper() {
        return json;
    }
}
