package ca.gigafibre.automation.notification;

import ca.gigafibre.automation.platform.error.MalformedRequestException;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code POST /api/webhooks/twilio}: Twilio's message status callbacks ({@code MessageSid}, {@code MessageStatus},
 * {@code ErrorCode}), accepted only with a valid {@code X-Twilio-Signature} (401 and nothing written otherwise). The
 * status goes to the notification ledger; a sid the ledger does not know is acknowledged and ignored (204 either way, so
 * Twilio does not retry).
 */
@RestController
public class TwilioWebhookController {

    private static final Logger log = LoggerFactory.getLogger(TwilioWebhookController.class);

    private final TwilioSignatures signatures;
    private final DeliveryReports reports;

    public TwilioWebhookController(TwilioSignatures signatures, DeliveryReports reports) {
        this.signatures = signatures;
        this.reports = reports;
    }

    @PostMapping(path = "/api/webhooks/twilio", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @Operation(summary = "Twilio message status callback (X-Twilio-Signature checked): the delivery status of a customer text")
    public ResponseEntity<Void> statusCallback(HttpServletRequest request,
                                               @RequestHeader(value = TwilioSignatures.HEADER, required = false) String signature) {
        String query = request.getQueryString();
        String url = request.getRequestURL() + (query == null ? "" : "?" + query);
        Map<String, String> params = postParameters(request, query);
        signatures.verify(url, params, signature);
        String sid = params.get("MessageSid");
        String status = params.get("MessageStatus");
        if (sid == null || sid.isBlank()) {
            throw new MalformedRequestException("MessageSid", "is required");
        }
        if (DeliveryReports.known(status) == null) {
            throw new MalformedRequestException("MessageStatus", "must be one of Twilio's message statuses");
        }
        if (!reports.record(sid, status, params.get("ErrorCode"))) {
            log.info("Twilio status {} for message {} that is not in the notification ledger: ignored", status, sid);
        }
        return ResponseEntity.noContent().build();
    }

    /** The form's parameters without those of the query string, which Twilio signs as part of the URL. */
    private static Map<String, String> postParameters(HttpServletRequest request, String query) {
        Set<String> inQuery = query == null ? Set.of() : UriComponentsBuilder.fromUriString("?" + query).build().getQueryParams().keySet();
        Map<String, String> params = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!inQuery.contains(name) && values.length > 0) {
                params.put(name, values[0]);
            }
        });
        return params;
    }
}
