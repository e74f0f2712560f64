package ca.gigafibre.automation.bench.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/** The running engine over HTTP as its users reach it: HTTP Basic as a demo user (password {@code demo}), JSON in and out. */
final class EngineHttp {

    /** One answer: the status and the JSON body (a missing node when there is none). */
    record Answer(int status, JsonNode body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String baseUrl;

    EngineHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    ObjectMapper json() {
        return json;
    }

    Answer send(String user, String method, String path, Object body) {
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofMinutes(30))
                    .header("Authorization", basic(user)).header("Accept", "application/json").method(method, publisher);
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            return answer(client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    JsonNode get(String user, String path) {
        return require("GET", path, send(user, "GET", path, null));
    }

    JsonNode post(String user, String path, Object body) {
        return require("POST", path, send(user, "POST", path, body));
    }

    JsonNode put(String user, String path, Object body) {
        return require("PUT", path, send(user, "PUT", path, body));
    }

    long count(String user, String path) {
        return get(user, path).path("count").asLong();
    }

    /** A deployment through {@code /engine-rest/deployment/create} (multipart, as Modeler sends it). */
    JsonNode deploy(String user, String name, String fileName, String content) {
        String boundary = "bench-" + UUID.randomUUID();
        String body = part(boundary, "deployment-name", null, name) + part(boundary, "deploy-changed-only", null, "true")
                + part(boundary, "data", fileName, content) + "--" + boundary + "--\r\n";
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/engine-rest/deployment/create")).timeout(Duration.ofMinutes(2))
                    .header("Authorization", basic(user)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
            return require("POST", "/engine-rest/deployment/create", answer(client.send(request, HttpResponse.BodyHandlers.ofByteArray())));
        } catch (IOException e) {
            throw new IllegalStateException("deployment: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String part(String boundary, String name, String fileName, String value) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (fileName == null ? "" : "; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream") + "\r\n\r\n" + value + "\r\n";
    }

    private Answer answer(HttpResponse<byte[]> response) throws IOException {
        byte[] bytes = response.body();
        JsonNode node = bytes.length == 0 ? json.missingNode() : parse(bytes);
        return new Answer(response.statusCode(), node);
    }

    private JsonNode parse(byte[] bytes) {
        try {
            return json.readTree(bytes);
        } catch (IOException notJson) {
            return json.getNodeFactory().textNode(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    private static JsonNode require(String method, String path, Answer answer) {
        if (!answer.ok()) {
            throw new IllegalStateException(method + " " + path + " answered " + answer.status() + ": " + answer.body());
        }
        return answer.body();
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }
}
