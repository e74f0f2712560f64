package ca.gigafibre.automation.notification;

import ca.gigafibre.automation.adapter.AdapterEndpoints;
import ca.gigafibre.automation.adapter.AdapterProperties;
import ca.gigafibre.automation.platform.error.SignatureRejectedException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Twilio's request signature ({@code X-Twilio-Signature}): Base64 of HMAC-SHA1, keyed with the account's auth token
 * ({@code automation.adapters.twilio.auth-token}), over the full URL Twilio called followed by every POST parameter
 * sorted by name, each as name then value.
 */
@Component
public class TwilioSignatures {

    public static final String HEADER = "X-Twilio-Signature";

    private final String authToken;
    private final String callbackUrl;

    public TwilioSignatures(AdapterEndpoints endpoints) {
        this.authToken = endpoints.endpoint("twilio").map(AdapterProperties.Endpoint::authToken).orElse("");
        this.callbackUrl = endpoints.endpoint("twilio").map(AdapterProperties.Endpoint::statusCallbackUrl).orElse("");
    }

    /**
     * Twilio signs the URL it was given ({@code status-callback-url}, as the public sees it), which behind a proxy that
     * ends TLS is not the URL this engine was reached at: either one is accepted.
     *
     * @param url    the URL of the request as this engine received it, with its query string
     * @param params the POST parameters, each with its first value
     */
    public void verify(String url, Map<String, String> params, String signature) {
        if (authToken.isBlank()) {
            throw new SignatureRejectedException(HEADER, "Twilio callbacks are not configured on this engine (automation.adapters.twilio.auth-token)");
        }
        if (signature == null || signature.isBlank()) {
            throw new SignatureRejectedException(HEADER, "is required");
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(signature.strip());
        } catch (IllegalArgumentException e) {
            throw new SignatureRejectedException(HEADER, "must be Base64");
        }
        boolean asConfigured = !callbackUrl.isBlank() && MessageDigest.isEqual(sign(authToken, callbackUrl, params), given);
        if (!asConfigured && !MessageDigest.isEqual(sign(authToken, url, params), given)) {
            throw new SignatureRejectedException(HEADER, "does not match the URL and parameters");
        }
    }

    /** The signature Twilio computes; public for the tests and the fakes that sign callbacks as Twilio does. */
    public static byte[] sign(String authToken, String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is not available", e);
        }
    }
}
