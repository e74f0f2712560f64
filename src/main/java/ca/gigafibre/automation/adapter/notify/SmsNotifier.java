package ca.gigafibre.automation.adapter.notify;

import ca.gigafibre.automation.adapter.AdapterEndpoints;
import ca.gigafibre.automation.adapter.AdapterProperties;
import ca.gigafibre.automation.adapter.ExternalApi;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Supplier;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.util.function.SingletonSupplier;

/**
 * Customer notifications by SMS through the Twilio Messages API ({@code automation.adapters.twilio}). Each message asks
 * Twilio for delivery reports ({@code StatusCallback}, {@code automation.adapters.twilio.status-callback-url}), which name
 * it by the MessageSid returned here.
 */
@Component
public class SmsNotifier {

    private final Supplier<ExternalApi> twilio;
    private final AdapterEndpoints endpoints;
    private final String from;
    private final String statusCallback;

    public SmsNotifier(AdapterEndpoints endpoints, NotifySettings notify) {
        this.endpoints = endpoints;
        this.from = notify.smsFrom();
        this.statusCallback = endpoints.endpoint("twilio").map(AdapterProperties.Endpoint::statusCallbackUrl).orElse("");
        this.twilio = SingletonSupplier.of(() -> ExternalApi.of("twilio", endpoints));
    }

    /** What Twilio answered: the message's sid and its first status (queued, accepted …). */
    public record Receipt(String messageSid, String status) {
    }

    /** @param phone 10 North American digits of a mobile phone */
    public Receipt send(String phone, String text) {
        String account = endpoints.endpoint("twilio").map(e -> e.username()).filter(u -> u != null && !u.isBlank()).orElse("ACdemo");
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("To", "+1" + phone);
        form.add("From", from);
        form.add("Body", text);
        if (!statusCallback.isBlank()) {
            form.add("StatusCallback", statusCallback);
        }
        JsonNode answer = twilio.get().call("POST /2010-04-01/Accounts/{sid}/Messages.json", c -> c.post()
                .uri("/2010-04-01/Accounts/{sid}/Messages.json", account).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form).retrieve().body(JsonNode.class));
        return answer == null ? new Receipt(null, null)
                : new Receipt(answer.path("sid").asText(null), answer.path("status").asText(null));
    }
}
