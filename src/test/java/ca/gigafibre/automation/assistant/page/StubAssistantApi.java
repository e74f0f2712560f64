package ca.gigafibre.automation.assistant.page;

import ca.gigafibre.automation.support.ConnectionController;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.bind.annotation.*;

/** TEMPORARY (removed once the assistant API is merged): the API shape, so the page can be built against it. */
@RestController
class StubAssistantApi {
    private final Map<String, String> proposals = new ConcurrentHashMap<>();
    private final ConnectionController connection;

    StubAssistantApi(ConnectionController connection) {
        this.connection = connection;
    }

    @PostMapping("/api/assistant/commands")
    Map<String, Object> command(@RequestBody Map<String, String> body) {
        String id = UUID.randomUUID().toString();
        String customer = body.get("customerId");
        if (body.get("text").contains("solde")) {
            return Map.of("id", id, "status", "answered", "intent", "balance", "parameters", Map.of("customerId", customer),
                    "summary", Map.of("fr", "Solde de " + customer + " : 183,83 $", "en", "Balance: $183.83"), "calls", List.of(),
                    "candidates", List.of(), "data", Map.of("balance", 183.83, "overdue", 183.83));
        }
        proposals.put(id, customer);
        return Map.of("id", id, "status", "proposed", "intent", "reboot", "parameters", Map.of("customerId", customer),
                "summary", Map.of("fr", "Redémarrer le modem de " + customer + " (GenieACS).", "en", "Reboot the modem of " + customer + " (GenieACS)."),
                "calls", List.of("GenieACS"), "candidates", List.of(), "expiresAt", OffsetDateTime.now().plusMinutes(10).toString());
    }

    @PostMapping("/api/assistant/commands/{id}/confirm")
    Object confirm(@PathVariable String id) {
        return Map.of("id", id, "status", "executed", "summary", Map.of("fr", "x", "en", "x"), "result", connection.reboot(proposals.get(id)).getBody());
    }

    @DeleteMapping("/api/assistant/commands/{id}")
    void cancel(@PathVariable String id) {
        proposals.remove(id);
    }
}
