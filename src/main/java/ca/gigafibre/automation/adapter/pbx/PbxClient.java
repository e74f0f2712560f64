package ca.gigafibre.automation.adapter.pbx;

import ca.gigafibre.automation.adapter.AdapterEndpoints;
import ca.gigafibre.automation.adapter.ExternalApi;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/** PBX ({@code shared/contracts/pbx.yaml}): one SIP line per DID, idempotent PUT/PATCH by DID. */
@Component
public class PbxClient {

    public static final String SYSTEM = "pbx";

    private final Supplier<ExternalApi> api;

    public PbxClient(AdapterEndpoints endpoints) {
        this.api = SingletonSupplier.of(() -> ExternalApi.of(SYSTEM, endpoints));
    }

    /** The line as the PBX wants it. Carries the SIP password and PIN in clear: build it at call time, never keep it. */
    public record LineSpec(String callerIdName, String sipPassword, String extension, String language, int maxCalls,
                           int callTimeoutSec, List<String> countryWhitelist, Voicemail voicemail, String state) {

        @Override
        public String toString() {
            return "LineSpec[" + callerIdName + ", state " + state + ", sipPassword ***]";
        }
    }

    public record Voicemail(boolean enabled, String pin, String email) {

        @Override
        public String toString() {
            return "Voicemail[" + enabled + ", pin ***]";
        }
    }

    public record Line(String did, String callerIdName, String state, Boolean voicemailEnabled) {
    }

    public Line put(String did, LineSpec spec) {
        return api.get().call("PUT /v1/lines/{did}", c -> c.put().uri("/v1/lines/{did}", did).body(spec).retrieve().body(Line.class));
    }

    /** {@code active}, {@code suspended}, or {@code emergency-only} (911 keeps working while suspended). */
    public Line setState(String did, String state) {
        return api.get().call("PATCH /v1/lines/{did}", c -> c.patch().uri("/v1/lines/{did}", did)
                .body(Map.of("state", state)).retrieve().body(Line.class));
    }

    /** DELETE: removes the DID's SIP line. Idempotent: a line the PBX no longer has (404) is done. */
    public boolean remove(String did) {
        return api.get().remove("DELETE /v1/lines/{did}", c -> c.delete().uri("/v1/lines/{did}", did)
                .retrieve().toBodilessEntity());
    }

    public Optional<Line> find(String did) {
        return api.get().find("GET /v1/lines/{did}", c -> c.get().uri("/v1/lines/{did}", did).retrieve().body(Line.class));
    }
}
