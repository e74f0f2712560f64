package ca.gigafibre.automation.adapter.notify;

import ca.gigafibre.automation.adapter.AdapterEndpoints;
import ca.gigafibre.automation.adapter.ExternalApi;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.util.function.SingletonSupplier;

/** Customer notifications by SMS through the Twilio Messages API ({@code automation.adapters.twilio}). */
@Component
public class SmsNotifier {

    private final Supplier<ExternalApi> twilio;
    private final AdapterEndpoints endpoints;
    private final String from;

    public SmsNotifier(AdapterEndpoints endpoints, @Value("${automation.notify.sms-from:+15555550100}") String from) {
        this.endpoints = endpoints;
        this.from = from;
        this.twilio = SingletonSupplier.of(() -> ExternalApi.of("twilio", endpoints));
    }

    /** @param phone 10 North American digits */
    public void send(String phone, String text) {
        String account = endpoints.endpoint("twilio").map(e -> e.username()).filter(u -> u != null && !u.isBlank()).orElse("ACdemo");
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("To", "+1" + phone);
        form.add("From", from);
        form.add("Body", text);
        twilio.get().call("POST /2010-04-01/Accounts/{sid}/Messages.json", c -> c.post()
                .uri("/2010-04-01/Accounts/{sid}/Messages.json", account).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form).retrieve().toBodilessEntity());
    }
}
