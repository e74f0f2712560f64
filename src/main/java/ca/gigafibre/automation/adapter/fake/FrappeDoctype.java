package ca.gigafibre.automation.adapter.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * The documents of one doctype, by name, with the two indexes ERPNext's readers lean on: by {@code modified} (incremental
 * reads walk only what changed after a watermark) and by {@code custom_engine_id} (the engine's lookup before each create).
 * Not thread-safe: {@link FakeErpNext} serializes every call.
 */
final class FrappeDoctype {

    static final String ENGINE_ID = "custom_engine_id";

    private final Map<String, ObjectNode> byName = new LinkedHashMap<>();
    private final NavigableMap<String, String> byModified = new TreeMap<>();
    private final Map<String, Set<String>> byEngineId = new HashMap<>();
    int creates;
    int updates;
    int listCalls;

    ObjectNode get(String name) {
        return byName.get(name);
    }

    boolean contains(String name) {
        return byName.containsKey(name);
    }

    Collection<ObjectNode> all() {
        return byName.values();
    }

    int size() {
        return byName.size();
    }

    /** Stores a new or changed document; call {@link #forget} first when its {@code modified} or engine id changed. */
    void store(ObjectNode document) {
        String name = document.path("name").asText();
        byName.put(name, document);
        byModified.put(modifiedKey(document), name);
        String engineId = document.path(ENGINE_ID).asText("");
        if (!engineId.isEmpty()) {
            byEngineId.computeIfAbsent(engineId, k -> new HashSet<>()).add(name);
        }
    }

    /** Takes a document out of the indexes (before it changes). */
    void forget(ObjectNode document) {
        byModified.remove(modifiedKey(document));
        String engineId = document.path(ENGINE_ID).asText("");
        Set<String> names = byEngineId.get(engineId);
        if (names != null) {
            names.remove(document.path("name").asText());
        }
    }

    /** Documents with {@code modified} after (or at, when {@code inclusive}) the watermark, oldest change first, then by name. */
    Iterable<ObjectNode> modifiedFrom(String watermark, boolean inclusive) {
        // keys are modified + NUL + name: a key of the same modified sorts below watermark + U+0001, every later one above
        String from = inclusive ? watermark : watermark + "\u0001";
        return () -> byModified.tailMap(from, true).values().stream().map(byName::get).iterator();
    }

    /** Every document, oldest change first, then by name (read lazily: a page stops early). */
    Iterable<ObjectNode> byModifiedAsc() {
        return () -> byModified.values().stream().map(byName::get).iterator();
    }

    List<ObjectNode> withEngineId(String engineId) {
        List<ObjectNode> documents = new ArrayList<>();
        byEngineId.getOrDefault(engineId, Set.of()).forEach(name -> documents.add(byName.get(name)));
        return documents;
    }

    private static String modifiedKey(ObjectNode document) {
        return document.path("modified").asText() + "\u0000" + document.path("name").asText();
    }
}
