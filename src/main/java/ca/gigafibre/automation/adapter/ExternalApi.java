package ca.gigafibre.automation.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * One external system's HTTP API: base URL, timeouts and credentials from {@code automation.adapters.<name>},
 * and one translation of failures for every adapter — technical ones become {@link ExternalSystemUnavailable}
 * (retried by Camunda), refusals become {@link ExternalRequestRejected}. Bodies are never logged: they may
 * carry passwords.
 */
public final class ExternalApi {

    private static final Logger log = LoggerFactory.getLogger(ExternalApi.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String system;
    private final RestClient client;

    private ExternalApi(String system, RestClient client) {
        this.system = system;
        this.client = client;
    }

    public static ExternalApi of(String system, AdapterEndpoints endpoints) {
        // the pool writes request bodies too: without it Spring starts a new thread for every request that has one
        HttpClient http = HttpClient.newBuilder().connectTimeout(endpoints.connectTimeout(system)).executor(HttpThreads.POOL).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http, HttpThreads.POOL);
        factory.setReadTimeout(endpoints.readTimeout(system));
        RestClient.Builder builder = RestClient.builder().baseUrl(endpoints.baseUrl(system)).requestFactory(factory);
        endpoints.endpoint(system).ifPresent(endpoint -> {
            if (endpoint.apiKey() != null && !endpoint.apiKey().isBlank()) {
                // Frappe's token auth: "token <api_key>:<api_secret>"
                builder.defaultHeader("Authorization", "token " + endpoint.apiKey() + ":" + (endpoint.apiSecret() == null ? "" : endpoint.apiSecret()));
            } else if (endpoint.token() != null && !endpoint.token().isBlank()) {
                builder.defaultHeader("Authorization", "Bearer " + endpoint.token());
            } else if (endpoint.username() != null && !endpoint.username().isBlank()) {
                builder.defaultHeaders(h -> h.setBasicAuth(endpoint.username(), endpoint.password() == null ? "" : endpoint.password()));
            }
        });
        return new ExternalApi(system, builder.build());
    }

    public String system() {
        return system;
    }

    /** Runs one call; {@code operation} names it in errors and logs ("PUT /v1/onts/{serial}"). */
    public <T> T call(String operation, Function<RestClient, T> request) {
        long started = System.nanoTime();
        try {
            T result = request.apply(client);
            log.debug("{} {} ok in {} ms", system, operation, (System.nanoTime() - started) / 1_000_000);
            return result;
        } catch (RestClientResponseException e) {
            throw translate(operation, e);
        } catch (ResourceAccessException e) {
            log.warn("{} {} unreachable: {}", system, operation, e.getMessage());
            throw new ExternalSystemUnavailable(system, operation, "unreachable (" + e.getMostSpecificCause().getMessage() + ")", e);
        } catch (RestClientException e) {
            log.warn("{} {} answered something unreadable: {}", system, operation, e.getMessage());
            throw new ExternalSystemUnavailable(system, operation, "unreadable answer (" + e.getMessage() + ")", e);
        }
    }

    /** A GET whose 404 means "not there". */
    public <T> Optional<T> find(String operation, Function<RestClient, T> request) {
        try {
            return Optional.ofNullable(call(operation, request));
        } catch (ExternalRequestRejected e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * A DELETE whose 404 means "already gone": a retried removal (the first one answered, the answer lost) is done,
     * not an error. @return true when this call removed it, false when it was already gone
     */
    public boolean remove(String operation, Function<RestClient, ?> request) {
        try {
            call(operation, request);
            return true;
        } catch (ExternalRequestRejected e) {
            if (e.status() == 404) {
                return false;
            }
            throw e;
        }
    }

    private RuntimeException translate(String operation, RestClientResponseException e) {
        HttpStatusCode status = e.getStatusCode();
        int code = status.value();
        String message = providerMessage(e.getResponseBodyAsString(), e.getStatusText());
        if (status.is5xxServerError() || code == 408 || code == 429) {
            log.warn("{} {} answered {}: {}", system, operation, code, message);
            return new ExternalSystemUnavailable(system, operation, code + " " + message, e);
        }
        log.info("{} {} refused with {}: {}", system, operation, code, message);
        return new ExternalRequestRejected(system, operation, code, message, invalidFields(e.getResponseBodyAsString()));
    }

    private static String providerMessage(String body, String fallback) {
        try {
            JsonNode problem = JSON.readTree(body);
            if (problem.has("exc_type")) {
                return frappeMessage(problem);
            }
            String detail = problem.path("detail").asText(problem.path("error").path("message").asText(""));
            String title = problem.path("title").asText("");
            String message = (title + (detail.isBlank() ? "" : ": " + detail)).strip();
            return message.isBlank() ? fallback : message;
        } catch (Exception notJson) {
            return fallback;
        }
    }

    /** Frappe (ERPNext): {@code exc_type} and {@code _server_messages}, a JSON list of JSON objects with a {@code message}. */
    private static String frappeMessage(JsonNode error) {
        StringBuilder message = new StringBuilder(error.path("exc_type").asText());
        try {
            for (JsonNode each : JSON.readTree(error.path("_server_messages").asText("[]"))) {
                String text = JSON.readTree(each.asText()).path("message").asText("");
                if (!text.isBlank()) {
                    message.append(": ").append(text.replaceAll("<[^>]+>", ""));
                }
            }
        } catch (Exception unreadable) {
            // exc_type alone
        }
        return message.toString();
    }

    private static List<String> invalidFields(String body) {
        List<String> fields = new ArrayList<>();
        try {
            JSON.readTree(body).path("invalidFields").forEach(f -> fields.add(f.asText()));
        } catch (Exception notJson) {
            // no field list
        }
        return fields;
    }
}
