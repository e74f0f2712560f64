package ca.gigafibre.automation.adapter.olt;

import ca.gigafibre.automation.adapter.AdapterEndpoints;
import ca.gigafibre.automation.adapter.ExternalApi;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/** OLT manager ({@code shared/contracts/olt-manager.yaml}): every call is idempotent by ONT serial. */
@Component
public class OltClient {

    public static final String SYSTEM = "olt";

    private final Supplier<ExternalApi> api;

    public OltClient(AdapterEndpoints endpoints) {
        this.api = SingletonSupplier.of(() -> ExternalApi.of(SYSTEM, endpoints));
    }

    public record OntRegistration(String oltId, String port, String customerId, String locationId, int downloadMbps,
                                  int uploadMbps, String state) {
    }

    public record Ont(String serial, String oltId, String port, String state, Integer downloadMbps, Integer uploadMbps,
                      Double rxPowerDbm) {
    }

    /** PUT: registers the ONT on its port with the plan's speeds, or updates it (same serial, same answer). */
    public Ont register(String serial, OntRegistration registration) {
        return api.get().call("PUT /v1/onts/{serial}", c -> c.put().uri("/v1/onts/{serial}", serial)
                .body(registration).retrieve().body(Ont.class));
    }

    /** PATCH state {@code enabled}/{@code disabled}: suspension and reactivation. */
    public Ont setState(String serial, String state, String reason) {
        return api.get().call("PATCH /v1/onts/{serial}", c -> c.patch().uri("/v1/onts/{serial}", serial)
                .body(reason == null ? Map.of("state", state) : Map.of("state", state, "reason", reason))
                .retrieve().body(Ont.class));
    }

    /** DELETE: deregisters the ONT (service cancelled). Idempotent: an ONT the OLT no longer knows (404) is done. */
    public boolean remove(String serial) {
        return api.get().remove("DELETE /v1/onts/{serial}", c -> c.delete().uri("/v1/onts/{serial}", serial)
                .retrieve().toBodilessEntity());
    }

    public Optional<Ont> find(String serial) {
        return api.get().find("GET /v1/onts/{serial}", c -> c.get().uri("/v1/onts/{serial}", serial).retrieve().body(Ont.class));
    }
}
