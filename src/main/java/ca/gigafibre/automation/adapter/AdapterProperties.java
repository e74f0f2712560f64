package ca.gigafibre.automation.adapter;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code automation.adapters.<name>.*} for every external system (olt, pbx, e911, stripe, paysafe, genieacs,
 * erpnext, twilio, docuseal). Credentials come from the environment in production, never from the repository.
 */
@ConfigurationProperties("automation")
public record AdapterProperties(Map<String, Endpoint> adapters) {

    public record Endpoint(String baseUrl, Duration connectTimeout, Duration readTimeout, String username, String password,
                           String token, String accountId, String webhookSecret) {

        @Override
        public String toString() {
            return "Endpoint[" + baseUrl + ", connect " + connectTimeout + ", read " + readTimeout + "]";
        }
    }
}
