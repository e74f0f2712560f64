package ca.gigafibre.automation.sales;

import ca.gigafibre.automation.adapter.AdapterEndpoints;
import ca.gigafibre.automation.adapter.AdapterProperties;
import ca.gigafibre.automation.platform.error.SignatureRejectedException;
import ca.gigafibre.automation.platform.secret.HmacSha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/**
 * Checks {@code X-Docuseal-Signature: <unix ts>.<hex HMAC-SHA256(secret, "<ts>.<raw body>")>} against
 * {@code automation.adapters.docuseal.webhook-secret}, within ±5 minutes of now (a replayed old delivery is refused).
 * Older self-hosted DocuSeal versions sign nothing: they send a header of the administrator's choice with a secret value.
 * With {@code automation.sales.docuseal-secret-header} set, a delivery without {@code X-Docuseal-Signature} is accepted
 * when that header carries the webhook secret (compared in constant time); without it, only the HMAC is accepted.
 */
@Component
public class DocuSealSignatures {

    public static final String HEADER = "X-Docuseal-Signature";
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final AdapterEndpoints endpoints;
    private final Clock clock;

    private final String secretHeader;

    public DocuSealSignatures(AdapterEndpoints endpoints, SalesSettings settings) {
        this.endpoints = endpoints;
        this.clock = Clock.systemUTC();   // DocuSeal stamps deliveries with real time, not the engine clock
        this.secretHeader = settings.docusealSecretHeader();
    }

    /** The header older DocuSeal versions put the secret in, or empty when only the HMAC is accepted. */
    public String secretHeader() {
        return secretHeader;
    }

    /**
     * @param signature   the {@code X-Docuseal-Signature} header, or null
     * @param secretValue the {@link #secretHeader()} header, or null (also when none is configured)
     */
    public void verify(String body, String signature, String secretValue) {
        String secret = endpoints.endpoint("docuseal").map(AdapterProperties.Endpoint::webhookSecret).filter(s -> !s.isBlank())
                .orElseThrow(() -> new SignatureRejectedException(HEADER, "webhooks are not configured on this engine "
                        + "(automation.adapters.docuseal.webhook-secret)"));
        if ((signature == null || signature.isBlank()) && !secretHeader.isEmpty() && secretValue != null) {
            if (!MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8), secretValue.strip().getBytes(StandardCharsets.UTF_8))) {
                throw new SignatureRejectedException(secretHeader, "is not the webhook secret");
            }
            return;
        }
        if (signature == null || signature.isBlank()) {
            throw new SignatureRejectedException(HEADER, "is required");
        }
        int dot = signature.indexOf('.');
        long timestamp;
        try {
            timestamp = Long.parseLong(signature.substring(0, Math.max(dot, 0)).strip());
        } catch (NumberFormatException e) {
            throw new SignatureRejectedException(HEADER, "must be <unix timestamp>.<hex HMAC-SHA256>");
        }
        if (Math.abs(clock.instant().getEpochSecond() - timestamp) > TOLERANCE.toSeconds()) {
            throw new SignatureRejectedException(HEADER, "timestamp is more than 5 minutes away from now");
        }
        byte[] expected = HmacSha256.of(secret.getBytes(StandardCharsets.UTF_8), timestamp + "." + body);
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature.substring(dot + 1).strip().toLowerCase());
        } catch (IllegalArgumentException e) {
            throw new SignatureRejectedException(HEADER, "must be <unix timestamp>.<hex HMAC-SHA256>");
        }
        if (!MessageDigest.isEqual(expected, given)) {
            throw new SignatureRejectedException(HEADER, "does not match the body");
        }
    }
}
