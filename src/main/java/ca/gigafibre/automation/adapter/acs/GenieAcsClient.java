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
