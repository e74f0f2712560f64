package ca.gigafibre.automation.adapter.fake;

import static ca.gigafibre.automation.adapter.fake.FakeResponses.json;
import static org.mockserver.model.HttpRequest.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.model.HttpRequest;
import org.mockserver.model.HttpResponse;

/**
 * GenieACS NBI as it answers: {@code GET /devices/?query=<mongo query>&projection=…} lists devices with their parameters
 * as {@code {"_value", "_type", "_timestamp"}} objects; {@code POST /devices/{id}/tasks?connection_request} runs a task
 * at once (200) — a reboot makes the device inform again, setParameterValues stores the values (read back with a GET).
 * A CPE appears once its ONT is registered on the fake OLT (its serial is the ONT's); tests may preload devices whose
 * serial differs from the OLT's, to be found by MAC. Device clocks follow the engine clock.
 */
class FakeGenieAcs implements FakeSystem {

    private final ObjectMapper mapper = new ObjectMapper();
    private final Predicate<String> ontRegistered;
    private final Map<String, ObjectNode> devices = new ConcurrentHashMap<>();

    FakeGenieAcs(Predicate<String> ontRegistered) {
        this.ontRegistered = ontRegistered;
    }

    @Override
    public String name() {
        return "genieacs";
    }

    @Override
    public void register(ClientAndServer server) {
        server.when(request().withMethod("GET").withPath("/genieacs/devices/?")).respond(this::list);
        server.when(request().withMethod("POST").withPath("/genieacs/devices/[^/]+/tasks")).respond(this::task);
    }

    @Override
    public void reset() {
        devices.clear();
    }

    /** A CPE that informs the ACS with this serial and WAN MAC. */
    void preload(String serial, String mac, int wifiClients) {
        ObjectNode device = device(serial);
        set(device, "InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANIPConnection.1.MACAddress", mac, "xsd:string");
        set(device, "InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.TotalAssociations", wifiClients, "xsd:unsignedInt");
        devices.put(device.path("_id").asText(), device);
    }

    private HttpResponse list(HttpRequest r) {
        JsonNode query;
        try {
            query = mapper.readTree(String.valueOf(r.getFirstQueryStringParameter("query")));
        } catch (Exception e) {
            return json(400, "{\"error\":\"invalid query\"}");
        }
        String serial = query.path("_deviceId._SerialNumber").asText(null);
        if (serial != null && ontRegistered.test(serial) && devices.values().stream().noneMatch(d -> serial.equals(serialOf(d)))) {
            ObjectNode device = device(serial);
            set(device, "InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.TotalAssociations", 2, "xsd:unsignedInt");
            devices.put(device.path("_id").asText(), device);
        }
        ArrayNode answer = mapper.createArrayNode();
        devices.values().stream().filter(d -> matches(d, query)).forEach(answer::add);
        return json(200, answer.toString());
    }

    private HttpResponse task(HttpRequest r) {
        String path = r.getPath().getValue();
        String id = java.net.URLDecoder.decode(path.substring("/genieacs/devices/".length(), path.lastIndexOf("/tasks")),
                java.nio.charset.StandardCharsets.UTF_8);
        ObjectNode device = devices.get(id);
        if (device == null) {
            return json(404, "{\"error\":\"No such device\"}");
        }
        JsonNode task;
        try {
            task = mapper.readTree(r.getBodyAsString());
        } catch (Exception e) {
            return json(400, "{\"error\":\"invalid task\"}");
        }
        switch (task.path("name").asText()) {
            case "reboot" -> device.put("_lastInform", now().plusSeconds(1).toString());   // it comes back and informs
            case "setParameterValues" -> task.path("parameterValues").forEach(p ->
                    set(device, p.path(0).asText(), p.path(1).asText(), p.path(2).asText("xsd:string")));
            default -> {
            }
        }
        ObjectNode answer = mapper.createObjectNode();
        answer.put("_id", UUID.randomUUID().toString().replace("-", "").substring(0, 24));
        answer.put("name", task.path("name").asText());
        answer.put("device", id);
        return json(200, answer.toString());
    }

    private ObjectNode device(String serial) {
        ObjectNode device = mapper.createObjectNode();
        device.put("_id", "202BC1-XZ000G3-" + serial);
        device.putObject("_deviceId").put("_SerialNumber", serial).put("_OUI", "202BC1").put("_ProductClass", "XZ000-G3");
        device.put("_lastInform", now().toString());
        return device;
    }

    /** Stores a parameter the way GenieACS does: nested objects, the leaf with _value and _type. */
    private void set(ObjectNode device, String path, Object value, String type) {
        ObjectNode node = device;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.has(parts[i]) ? (ObjectNode) node.get(parts[i]) : node.putObject(parts[i]);
        }
        ObjectNode leaf = node.putObject(parts[parts.length - 1]);
        leaf.set("_value", mapper.valueToTree(value));
        leaf.put("_type", type);
        leaf.put("_timestamp", now().toString());
    }

    private boolean matches(ObjectNode device, JsonNode query) {
        for (Iterator<Map.Entry<String, JsonNode>> it = query.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> condition = it.next();
            JsonNode value = condition.getKey().equals("_id") ? device.path("_id") : at(device, condition.getKey());
            if (!condition.getValue().asText().equalsIgnoreCase(value.isObject() ? value.path("_value").asText() : value.asText())) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode at(JsonNode device, String path) {
        JsonNode node = device;
        for (String part : path.split("\\.")) {
            node = node.path(part);
        }
        return node;
    }

    private static String serialOf(JsonNode device) {
        return device.path("_deviceId").path("_SerialNumber").asText();
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
