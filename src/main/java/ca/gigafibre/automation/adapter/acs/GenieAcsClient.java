package ca.gigafibre.automation.adapter.acs;

import ca.gigafibre.automation.adapter.AdapterEndpoints;
import ca.gigafibre.automation.adapter.ExternalApi;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/** GenieACS NBI (TR-069): find a CPE by serial number, set its parameters, reboot it. */
@Component
public class GenieAcsClient {

    public static final String SYSTEM = "genieacs";

    private final Supplier<ExternalApi> api;

    public GenieAcsClient(AdapterEndpoints endpoints) {
        this.api = SingletonSupplier.of(() -> ExternalApi.of(SYSTEM, endpoints));
    }

    /** The GenieACS device id ({@code _id}) of the CPE with this serial, once it has informed the ACS. */
    public Optional<String> findDeviceId(String serial) {
        JsonNode devices = api.get().call("GET /devices", c -> c.get()
                .uri(u -> u.path("/devices/").queryParam("query", "{query}").queryParam("projection", "_id,_lastInform")
                        .build("{\"_deviceId._SerialNumber\":\"" + serial + "\"}"))
                .retrieve().body(JsonNode.class));
        return devices == null || devices.isEmpty() ? Optional.empty() : Optional.of(devices.get(0).path("_id").asText());
    }

    /** The TR-069 parameter of the WAN MAC address, by which a CPE is found when its serial differs between systems. */
    public static final String WAN_MAC = "InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANIPConnection.1.MACAddress";
    static final String WIFI_CLIENTS = "InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.TotalAssociations";

    /** A CPE as the ACS knows it: when it last informed, how many Wi-Fi clients, and whether it was found by serial or MAC. */
    public record CpeDevice(String id, java.time.Instant lastInform, Integer wifiClients, String foundBy) {
    }

    /** The CPE by serial, else by MAC (serials differ between the OLT and the ACS for some models). */
    public Optional<CpeDevice> findCpe(String serial, String mac) {
        Optional<CpeDevice> bySerial = serial == null ? Optional.empty() : query("{\"_deviceId._SerialNumber\":\"" + serial + "\"}", "serial");
        if (bySerial.isPresent() || mac == null) {
            return bySerial;
        }
        return query("{\"" + WAN_MAC + "\":\"" + mac + "\"}", "mac");
    }

    /** The device again by its id (after a reboot: has it informed since?). */
    public Optional<CpeDevice> device(String deviceId) {
        return query("{\"_id\":\"" + deviceId + "\"}", "id");
    }

    /** The current values of these parameters on the device, as text (absent parameters are left out). */
    public Map<String, String> parameterValues(String deviceId, List<String> names) {
        JsonNode devices = api.get().call("GET /devices", c -> c.get()
                .uri(u -> u.path("/devices/").queryParam("query", "{query}").queryParam("projection", "{projection}")
                        .build("{\"_id\":\"" + deviceId + "\"}", String.join(",", names)))
                .retrieve().body(JsonNode.class));
        Map<String, String> values = new java.util.LinkedHashMap<>();
        if (devices == null || devices.isEmpty()) {
            return values;
        }
        for (String name : names) {
            JsonNode node = devices.get(0);
            for (String part : name.split("\\.")) {
                node = node.path(part);
            }
            if (node.has("_value")) {
                values.put(name, node.path("_value").asText());
            }
        }
        return values;
    }

    private Optional<CpeDevice> query(String query, String foundBy) {
        JsonNode devices = api.get().call("GET /devices", c -> c.get()
                .uri(u -> u.path("/devices/").queryParam("query", "{query}").queryParam("projection", "{projection}")
                        .build(query, "_id,_lastInform," + WIFI_CLIENTS))
                .retrieve().body(JsonNode.class));
        if (devices == null || devices.isEmpty()) {
            return Optional.empty();
        }
        JsonNode device = devices.get(0);
        JsonNode clients = device;
        for (String part : WIFI_CLIENTS.split("\\.")) {
            clients = clients.path(part);
        }
        String lastInform = device.path("_lastInform").asText(null);
        return Optional.of(new CpeDevice(device.path("_id").asText(), lastInform == null ? null : java.time.Instant.parse(lastInform),
                clients.path("_value").isNumber() ? clients.path("_value").asInt() : null, foundBy));
    }

    /** setParameterValues with a connection request, e.g. [["…WLANConfiguration.1.SSID", "Maison", "xsd:string"]]. */
    public void setParameterValues(String deviceId, List<List<String>> parameterValues) {
        api.get().call("POST /devices/{id}/tasks", c -> c.post()
                .uri(u -> u.path("/devices/{id}/tasks").queryParam("connection_request", "").build(deviceId))
                .body(Map.of("name", "setParameterValues", "parameterValues", parameterValues))
                .retrieve().toBodilessEntity());
    }

    public void reboot(String deviceId) {
        api.get().call("POST /devices/{id}/tasks", c -> c.post()
                .uri(u -> u.path("/devices/{id}/tasks").queryParam("connection_request", "").build(deviceId))
                .body(Map.of("name", "reboot")).retrieve().toBodilessEntity());
    }
}
