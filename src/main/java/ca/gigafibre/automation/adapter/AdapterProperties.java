package ca.gigafibre.automation.adapter;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code automation.adapters.<name>.*} for every external system (olt, pbx, e911, stripe, paysafe, genieacs, erpnext,
 * twilio, docuseal), and {@code automation.adapters.retry-cycle} (default {@code R3/PT5M}), the one cycle of the BPMN jobs
 * ({@code workflow.RetryPolicy}) and of the ERPNext outbox ({@code erpnext.outbox.RetryCycle}, which parses it and stops
 * start-up naming the key when it is not an ISO 8601 cycle). The systems are named fields, not a map, so a setting of the
 * adapters themselves (the retry cycle) is not mistaken for a system. Credentials come from the environment in
 * production, never from the repository.
 */
@ConfigurationProperties("automation.adapters")
public record AdapterProperties(Endpoint olt, Endpoint pbx, Endpoint e911, Endpoint stripe, Endpoint paysafe, Endpoint genieacs,
                                Endpoint erpnext, Endpoint twilio, Endpoint docuseal, @DefaultValue("R3/PT5M") String retryCycle) {

    /**
     * One system's endpoint and credentials; each system uses the fields it needs ({@code authToken} and
     * {@code statusCallbackUrl}: Twilio's, which signs its status callbacks and is where texts ask it to report them).
     */
    public record Endpoint(String baseUrl, Duration connectTimeout, Duration readTimeout, String username, String password,
                           String token, String accountId, String webhookSecret, String apiKey, String apiSecret,
                           String authToken, String statusCallbackUrl) {

        @Override
        public String toString() {
            return "Endpoint[" + baseUrl + ", connect " + connectTimeout + ", read " + readTimeout + "]";
        }
    }

    /** The configured systems by adapter name. */
    public Map<String, Endpoint> adapters() {
        Map<String, Endpoint> byName = new LinkedHashMap<>();
        byName.put("olt", olt);
        byName.put("pbx", pbx);
        byName.put("e911", e911);
        byName.put("stripe", stripe);
        byName.put("paysafe", paysafe);
        byName.put("genieacs", genieacs);
        byName.put("erpnext", erpnext);
        byName.put("twilio", twilio);
        byName.put("docuseal", docuseal);
        byName.values().removeIf(java.util.Objects::isNull);
        return byName;
    }

    @Override
    public String toString() {
        return "AdapterProperties" + adapters() + ", retry cycle " + retryCycle;
    }
}
